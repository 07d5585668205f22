package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import dev.crm.app.support.DatabaseDump;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/contacts/{id}/erase/} and {@code POST /api/leads/{id}/erase/}: the right to be forgotten
 * by crypto-shredding. Black box: after erasure the person's name, email, phone and notes appear nowhere the
 * API or the database can show them, and everything else still adds up.
 */
class ErasureApiTest extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void erasingAContactErasesItsPersonEverywhereAndKeepsEverythingElse() throws InterruptedException {
        String surname = "Erasable" + Api.unique("n").replaceAll("[^A-Za-z0-9]", "");
        String email = surname.toLowerCase() + "@example.com";
        String secret = "plays the oboe " + surname;
        String phone = "+1555" + (1_000_000 + (long) (Math.random() * 8_999_999));
        String newPhone = "+1556" + (1_000_000 + (long) (Math.random() * 8_999_999));
        String leadId = admin.post("/api/leads/", """
                {"firstName": "Ada", "lastName": "%s", "email": "%s", "phone": "%s", "company": "Oboe Ltd",
                 "notes": "%s"}""".formatted(surname, email, phone, secret)).expect(201).id();
        String contactId = admin.post("/api/leads/" + leadId + "/convert/", "{}").expect(200)
                .json().at("/contact/id").stringValue();
        String noteId = admin.post("/api/contacts/" + contactId + "/notes/", """
                {"body": "Called %s about the oboe"}""".formatted(surname)).expect(201).id();
        admin.patch("/api/contacts/" + contactId + "/", "{\"stage\": \"engaged\", \"phone\": \"%s\"}".formatted(newPhone))
                .expect(200);
        Instant beforeErasure = Instant.now();
        Thread.sleep(5);

        newUser("member").post("/api/contacts/" + contactId + "/erase/", null).expect(403);
        newUser("auditor").post("/api/contacts/" + contactId + "/erase/", null).expect(403);
        admin.post("/api/contacts/" + contactId + "/erase/", null).expect(204);
        admin.post("/api/contacts/" + contactId + "/erase/", null).expect(204);
        admin.post("/api/leads/" + leadId + "/erase/", null).expect(204);
        admin.post("/api/contacts/cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V/erase/", null).expect(404);
        admin.post("/api/leads/nonsense/erase/", null).expect(404);

        // Deleted with its notes, like a DELETE; the lead it came from is erased and deleted too.
        admin.get("/api/contacts/" + contactId + "/").expect(404);
        admin.get("/api/leads/" + leadId + "/").expect(404);
        admin.get("/api/notes/" + noteId + "/").expect(404);

        List<String> plaintext = List.of(surname, email, secret, phone, newPhone);
        // Erased records are deleted: their history is gone with them; the audit log keeps every entry.
        admin.get("/api/contacts/" + contactId + "/history/").expect(404);
        JsonNode contactLog = admin.get("/api/audit-log/?entityId=" + contactId + "&limit=100").expect(200).json();
        assertThat(contactLog.get("results")).extracting(e -> e.get("type").stringValue())
                .contains("contact.erased", "contact.deleted", "contact.stage_changed", "contact.created");
        JsonNode created = contactLog.get("results").get(contactLog.get("results").size() - 1).get("changes");
        assertThat(created.at("/lastName/to").stringValue()).isEqualTo("[erased]");
        assertThat(created.at("/phone/to").stringValue()).isEqualTo("[erased]");
        assertThat(created.has("title")).isFalse(); // null before and after: no change, erased or not

        for (String record : List.of(contactId, leadId, noteId)) {
            String log = admin.get("/api/audit-log/?entityId=" + record + "&limit=100").expect(200).body();
            assertNowhere(log, plaintext);
        }
        String csv = admin.send(HttpMethod.GET, "/api/audit-log/?entityId=" + contactId, null,
                Map.of("Accept", "text/csv")).expect(200).body();
        assertNowhere(csv, plaintext);
        assertThat(csv).contains("[erased]").contains("contact.erased");
        String events = admin.get("/api/events/?limit=10000").expect(200).body();
        assertNowhere(events, plaintext);
        assertThat(events).contains("\"type\":\"contact.erased\"").contains("\"type\":\"lead.erased\"");

        JsonNode then = admin.get("/api/contacts/" + contactId + "/?asOf=" + beforeErasure).expect(200).json();
        assertThat(then.get("lastName").stringValue()).isEqualTo("[erased]");
        assertThat(then.get("stage").stringValue()).isEqualTo("engaged");
        assertThat(then.get("title").isNull()).isTrue();

        for (String projection : List.of("contacts", "leads", "notes", "event-log")) {
            rebuilt(projection, Duration.ofMillis(50), Duration.ofSeconds(60));
        }
        assertNowhere(admin.get("/api/audit-log/?entityId=" + contactId + "&limit=100").expect(200).body(), plaintext);
        assertThat(admin.get("/api/audit-log/?entityId=" + contactId + "&limit=100").expect(200).json())
                .isEqualTo(contactLog);

        // The reports (which may lag a moment) still count the erased contact's visits of "new" and "engaged".
        long visits = 0;
        for (int i = 0; i < 200 && visits < 2; i++, Thread.sleep(50)) {
            visits = jdbc.queryForObject("SELECT count(*) FROM read_model.report_stage_visit WHERE record_id = ?",
                    Long.class, contactId);
        }
        assertThat(visits).isEqualTo(2);
        // The events are as they were: the chain over them still verifies.
        JsonNode verified = admin.get("/api/audit/verify/").expect(200).json();
        assertThat(verified.get("verified").booleanValue()).as("%s", verified).isTrue();
        // Nothing in the whole database: events, keys, read models, snapshots, stored answers.
        assertNowhere(DatabaseDump.of(jdbc), plaintext);
    }

    @Test
    void erasingALeadThatWasNeverConvertedErasesJustIt() {
        String surname = "Lonely" + Api.unique("n").replaceAll("[^A-Za-z0-9]", "");
        String leadId = admin.post("/api/leads/", """
                {"lastName": "%s", "email": "%s@example.com"}""".formatted(surname, surname.toLowerCase()))
                .expect(201).id();
        String other = admin.post("/api/contacts/", "{\"lastName\": \"Kept%s\", \"email\": \"kept%s@example.com\"}"
                .formatted(surname, surname.toLowerCase())).expect(201).id();

        admin.post("/api/leads/" + leadId + "/erase/", null).expect(204);

        assertNowhere(admin.get("/api/audit-log/?entityId=" + leadId + "&limit=100").expect(200).body(),
                List.of(surname));
        assertThat(admin.get("/api/contacts/" + other + "/").expect(200).json().get("lastName").stringValue())
                .isEqualTo("Kept" + surname);
    }

    private static void assertNowhere(String text, List<String> values) {
        for (String value : values) {
            assertThat(text).as("must not contain %s", value).doesNotContain(value);
        }
    }
}
