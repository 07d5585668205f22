package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Deleting a contact removes the record and all associated notes and tasks. Activities logged on the
 * contact's timeline are retained in the audit log but no longer accessible through the contact record."
 */
class ContactDeletionApiTest extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void deletingAContactDeletesItsNotesAndTasksEachByItsOwnEvent() {
        String contactId = admin.post("/api/contacts/", "{\"firstName\": \"Cascade\", \"email\": \"%s@example.com\"}"
                .formatted(Api.unique("c"))).expect(201).id();
        String otherContact = admin.post("/api/contacts/", "{\"firstName\": \"Other\", \"email\": \"o@example.com\"}")
                .expect(201).id();
        String note1 = admin.post("/api/contacts/" + contactId + "/notes/", "{\"body\": \"one\"}").expect(201).id();
        String note2 = admin.post("/api/contacts/" + contactId + "/notes/", "{\"body\": \"two\"}").expect(201).id();
        String task = admin.post("/api/tasks/", "{\"title\": \"Call\", \"contactId\": \"%s\"}".formatted(contactId))
                .expect(201).id();
        String otherNote = admin.post("/api/contacts/" + otherContact + "/notes/", "{\"body\": \"stays\"}")
                .expect(201).id();
        String freeTask = admin.post("/api/tasks/", "{\"title\": \"Unrelated\"}").expect(201).id();

        admin.send(HttpMethod.DELETE, "/api/contacts/" + contactId + "/", null, Map.of("X-Request-Id", "req-cascade-1"))
                .expect(204);

        admin.get("/api/contacts/" + contactId + "/").expect(404);
        admin.get("/api/contacts/" + contactId + "/notes/").expect(404);
        admin.get("/api/notes/" + note1 + "/").expect(404);
        admin.get("/api/notes/" + note2 + "/").expect(404);
        admin.get("/api/tasks/" + task + "/").expect(404);
        admin.get("/api/notes/" + otherNote + "/").expect(200);
        admin.get("/api/tasks/" + freeTask + "/").expect(200);

        // the event store keeps everything: one deletion event per record, all from the same request
        List<Map<String, Object>> deletions = jdbc.queryForList("""
                SELECT aggregate_identifier AS id, payload_type AS type, convert_from(payload, 'UTF8') AS payload
                  FROM event_store.domain_event_entry
                 WHERE convert_from(meta_data, 'UTF8') LIKE '%"requestId":"req-cascade-1"%' ORDER BY global_index""");
        assertThat(deletions).extracting(row -> row.get("id"))
                .containsExactlyInAnyOrder(contactId, note1, note2, task);
        assertThat(deletions).filteredOn(row -> !row.get("id").equals(contactId))
                .allSatisfy(row -> assertThat((String) row.get("payload")).contains("\"withContact\":true"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, note1)).isEqualTo(2);
    }

    @Test
    void recordsThatNameADeletedContactStayReadable() {
        String leadId = admin.post("/api/leads/", "{\"firstName\": \"Ref\", \"email\": \"%s@example.com\", \"company\": \"Ref Co\"}"
                .formatted(Api.unique("ref"))).expect(201).id();
        JsonNode converted = admin.post("/api/leads/" + leadId + "/convert/",
                "{\"createAccount\": true, \"createOpportunity\": true}").expect(200).json();
        String contactId = converted.at("/contact/id").stringValue();
        String opportunityId = converted.at("/opportunity/id").stringValue();
        String accountId = converted.at("/account/id").stringValue();

        admin.delete("/api/contacts/" + contactId + "/").expect(204);

        // The opportunity is the account's business: it stays, unlinked from the contact by its own event.
        JsonNode opportunity = admin.get("/api/opportunities/" + opportunityId + "/").expect(200).json();
        assertThat(opportunity.get("contactId").isNull()).isTrue();
        assertThat(opportunity.get("accountId").stringValue()).isEqualTo(accountId);
        assertThat(admin.get("/api/opportunities/?contactId=" + contactId).json().get("count").intValue()).isZero();
        // The lead records where it went: convertedContactId keeps the id, which now answers 404.
        assertThat(admin.get("/api/leads/" + leadId + "/").json().get("convertedContactId").stringValue())
                .isEqualTo(contactId);
        admin.get("/api/contacts/" + contactId + "/").expect(404);
        assertThat(admin.get("/api/accounts/" + accountId + "/").json().get("contactCount").intValue()).isZero();
    }

    @Test
    void aRebuiltReadModelAgreesWithTheCascade() throws InterruptedException {
        String contactId = admin.post("/api/contacts/", "{\"firstName\": \"Rebuilt\", \"email\": \"r@example.com\"}")
                .expect(201).id();
        String note = admin.post("/api/contacts/" + contactId + "/notes/", "{\"body\": \"goes\"}").expect(201).id();
        String task = admin.post("/api/tasks/", "{\"title\": \"Goes\", \"contactId\": \"%s\"}".formatted(contactId))
                .expect(201).id();
        admin.delete("/api/contacts/" + contactId + "/").expect(204);

        for (String table : List.of("note", "task")) {
            jdbc.execute("DROP TABLE IF EXISTS public.cascade_before_" + table);
            jdbc.execute("CREATE TABLE public.cascade_before_" + table + " AS SELECT * FROM read_model." + table);
        }
        try {
            rebuild("notes");
            rebuild("tasks");
            for (String table : List.of("note", "task")) {
                String live = "read_model." + table;
                String before = "public.cascade_before_" + table;
                assertThat(jdbc.queryForObject("SELECT count(*) FROM (SELECT * FROM " + live + " EXCEPT SELECT * FROM "
                        + before + ") d", Long.class)).as(table).isZero();
                assertThat(jdbc.queryForObject("SELECT count(*) FROM (SELECT * FROM " + before + " EXCEPT SELECT * FROM "
                        + live + ") d", Long.class)).as(table).isZero();
            }
            admin.get("/api/notes/" + note + "/").expect(404);
            admin.get("/api/tasks/" + task + "/").expect(404);
        } finally {
            jdbc.execute("DROP TABLE IF EXISTS public.cascade_before_note");
            jdbc.execute("DROP TABLE IF EXISTS public.cascade_before_task");
        }
    }

    private void rebuild(String projection) throws InterruptedException {
        admin.post("/api/admin/projections/" + projection + "/rebuild/", null).expect(202);
        for (int i = 0; i < 600; i++) {
            for (JsonNode p : admin.get("/api/admin/projections/").expect(200).json().get("results")) {
                if (p.get("name").stringValue().equals(projection) && p.get("state").stringValue().equals("live")) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the rebuild of " + projection + " did not finish");
    }

    @Test
    void aStaleIfMatchDeletesNothing() {
        String contactId = admin.post("/api/contacts/", "{\"firstName\": \"Stale\", \"email\": \"s@example.com\"}")
                .expect(201).id();
        String note = admin.post("/api/contacts/" + contactId + "/notes/", "{\"body\": \"kept\"}").expect(201).id();

        admin.send(HttpMethod.DELETE, "/api/contacts/" + contactId + "/", null, Map.of("If-Match", "\"7\"")).expect(412);

        admin.get("/api/contacts/" + contactId + "/").expect(200);
        admin.get("/api/notes/" + note + "/").expect(200);
    }
}
