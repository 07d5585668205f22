package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/audit-log/} with {@code Accept: text/csv}: every entry the filters select, oldest first, as an
 * RFC 4180 download, read here with a real CSV parser.
 */
class AuditExportApiTest extends ApiTest {

    private static final String HEADER =
            "id,occurredAt,entityType,entityId,version,type,actorId,actorName,requestId,changes";
    private static final Map<String, String> CSV = Map.of("Accept", "text/csv");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Api.Response csv(Api as, String query) {
        return as.send(HttpMethod.GET, "/api/audit-log/" + query, null, CSV);
    }

    /** The download's rows, after checking what every download has: type, name, header and line ends. */
    private static List<CSVRecord> rows(Api.Response answer) throws IOException {
        answer.expect(200);
        assertThat(answer.header("Content-Type")).startsWith("text/csv");
        assertThat(answer.header("Content-Disposition")).isEqualTo("attachment; filename=\"audit-log.csv\"");
        assertThat(answer.body()).startsWith(HEADER + "\r\n").endsWith("\r\n");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(answer.body()))) {
            assertThat(String.join(",", parser.getHeaderNames())).isEqualTo(HEADER);
            List<CSVRecord> rows = parser.getRecords();
            rows.forEach(row -> assertThat(row.size()).as("fields of %s", row).isEqualTo(10));
            return rows;
        }
    }

    private static Api.Response write(Api as, HttpMethod method, String path, String body, String requestId) {
        return as.send(method, path, body, Map.of("X-Request-Id", requestId));
    }

    @Test
    void everyEntryOldestFirstWithTheJsonListsValuesQuotedWhereNeeded() throws IOException {
        Api member = newUser("member");
        String notes = "Said \"call me\", then\r\nleft; back on Monday\nor Tuesday";
        String create = Api.unique("req-create-");
        String update = Api.unique("req-update-");
        String id = write(member, HttpMethod.POST, "/api/contacts/", JSON.writeValueAsString(Map.of(
                "firstName", "Csv, Quoted", "email", "csv@example.com", "notes", notes)), create).expect(201).id();
        write(member, HttpMethod.PATCH, "/api/contacts/" + id + "/", "{\"stage\": \"engaged\"}", update).expect(200);

        Api auditor = newUser("auditor");
        List<CSVRecord> rows = rows(csv(auditor, "?entityId=" + id));
        JsonNode json = auditor.get("/api/audit-log/?entityId=" + id + "&ordering=occurredAt").expect(200).json()
                .get("results");

        assertThat(rows).extracting(row -> row.get("type")).containsExactly("contact.created", "contact.stage_changed");
        assertThat(rows).extracting(row -> row.get("requestId")).containsExactly(create, update);
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            JsonNode entry = json.get(i);
            assertThat(row.get("id")).isEqualTo(entry.get("id").stringValue());
            assertThat(row.get("occurredAt")).isEqualTo(entry.get("occurredAt").stringValue());
            assertThat(row.get("entityType")).isEqualTo("contact");
            assertThat(row.get("entityId")).isEqualTo(id);
            assertThat(row.get("version")).isEqualTo(String.valueOf(i + 1));
            assertThat(row.get("actorId")).isEqualTo(member.userId());
            assertThat(row.get("actorName")).isEqualTo("Test member");
            assertThat(row.get("requestId")).isEqualTo(entry.get("requestId").stringValue());
            assertThat(row.get("changes")).as("the changes as the JSON list writes them")
                    .isEqualTo(entry.get("changes").toString());
        }
        JsonNode created = JSON.readTree(rows.get(0).get("changes"));
        assertThat(created.at("/notes/to").stringValue()).isEqualTo(notes);
        assertThat(created.at("/firstName/to").stringValue()).isEqualTo("Csv, Quoted");
        assertThat(rows.get(1).get("changes")).isEqualTo("{\"stage\":{\"from\":\"new\",\"to\":\"engaged\"}}");
    }

    @Test
    void aFieldIsQuotedOnlyWhenItMustBeAndItsQuotesAreDoubled() {
        Api member = newUser("member");
        String id = member.post("/api/contacts/", """
                {"lastName": "Plain", "email": "plain@example.com", "notes": "a \\"b\\", c"}""").expect(201).id();
        JsonNode entry = admin.get("/api/audit-log/?entityId=" + id).expect(200).json().at("/results/0");
        String changes = entry.get("changes").toString();
        assertThat(changes).contains("\"to\":\"a \\\"b\\\", c\"");

        String body = csv(admin, "?entityId=" + id).expect(200).body();

        assertThat(body).isEqualTo(HEADER + "\r\n" + String.join(",", entry.get("id").stringValue(),
                entry.get("occurredAt").stringValue(), "contact", id, "1", "contact.created", member.userId(),
                "Test member", entry.get("requestId").stringValue(), "\"" + changes.replace("\"", "\"\"") + "\"")
                + "\r\n");
        assertThat(entry.get("requestId").stringValue()).as("made up by the server when the client sent none")
                .startsWith("req_");
    }

    @Test
    void theFiltersApplyAndNoPageOrLimitDoes() throws IOException, InterruptedException {
        Api member = newUser("member");
        Instant start = Instant.now();
        Thread.sleep(5);
        String id = member.post("/api/contacts/", "{\"lastName\": \"Many\", \"email\": \"many@example.com\"}")
                .expect(201).id();
        for (int i = 0; i < 110; i++) {
            member.patch("/api/contacts/" + id + "/", "{\"title\": \"Title " + i + "\"}").expect(200);
            if (i % 25 == 24) {
                Thread.sleep(250); // a member's budget is bursts of 100 at 25/s: 112 writes must not outrun it
            }
        }
        String other = member.post("/api/contacts/", "{\"lastName\": \"Other\", \"email\": \"other@example.com\"}")
                .expect(201).id();

        List<CSVRecord> all = rows(csv(admin, "?actor=" + member.userId() + "&entityType=contact&limit=5&page=3"));
        assertThat(all).hasSize(112);
        assertThat(all).extracting(row -> row.get("entityId")).containsOnly(id, other).last().isEqualTo(other);
        List<Long> versions = new ArrayList<>();
        all.stream().filter(row -> row.get("entityId").equals(id)).forEach(row -> versions.add(Long.valueOf(
                row.get("version"))));
        assertThat(versions).hasSize(111).isSorted();

        assertThat(rows(csv(admin, "?entityId=" + id + "&type=contact.created"))).singleElement()
                .satisfies(row -> assertThat(row.get("version")).isEqualTo("1"));
        assertThat(rows(csv(admin, "?actor=" + member.userId() + "&type=contact.details_corrected"))).hasSize(110);
        assertThat(rows(csv(admin, "?actor=" + member.userId() + "&entityType=contact&after=" + start)))
                .hasSize(112);
        assertThat(rows(csv(admin, "?actor=" + member.userId() + "&before=" + start))).isEmpty();
        assertThat(rows(csv(admin, "?entityId=" + other + "&ordering=-occurredAt"))).hasSize(1);
    }

    /** Enough entries for the download to take several of the cursor's fetches (500 rows each). */
    @Test
    void theWholeLogIsEveryEntryOnceInTheListsOrder() throws IOException {
        String id = admin.post("/api/contacts/", "{\"lastName\": \"Whole\", \"email\": \"whole@example.com\"}")
                .expect(201).id();
        for (long n = total(); n < 1_200; n++) { // as admin: a member's rate limit would refuse so many
            admin.patch("/api/contacts/" + id + "/", "{\"title\": \"T" + n + "\"}").expect(200);
        }

        List<CSVRecord> all = rows(csv(admin, ""));

        assertThat((long) all.size()).isEqualTo(total()).isGreaterThanOrEqualTo(1_200);
        assertThat(all).extracting(row -> row.get("id")).doesNotHaveDuplicates();
        List<Long> versions = new ArrayList<>();
        all.stream().filter(row -> row.get("entityId").equals(id)).forEach(row -> versions.add(Long.valueOf(
                row.get("version"))));
        assertThat(versions).isSorted().first().isEqualTo(1L);
        JsonNode newest = admin.get("/api/audit-log/?limit=1").json().at("/results/0");
        assertThat(all.get(all.size() - 1).get("id")).isEqualTo(newest.get("id").stringValue());
    }

    private long total() {
        return admin.get("/api/audit-log/?limit=1").expect(200).json().get("count").longValue();
    }

    @Test
    void adminsAndAuditorsOnlyAndBadFiltersAreTheListsProblem() {
        newUser("member").send(HttpMethod.GET, "/api/audit-log/", null, CSV).expect(403);
        api.send(HttpMethod.GET, "/api/audit-log/", null, CSV).expect(401);
        csv(newUser("auditor"), "?entityType=user").expect(200);

        Api.Response invalid = csv(admin, "?entityType=widget&after=yesterday&actor=bob").expect(400);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
        assertThat(invalid.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("entityType", "after", "actor");
    }

    @Test
    void theJsonListIsUnchangedWhenJsonOrAnythingIsAccepted() {
        for (Map<String, String> accept : List.of(Map.<String, String>of(), Map.of("Accept", "application/json"),
                Map.of("Accept", "*/*"), Map.of("Accept", "text/csv;q=0.5, application/json"))) {
            Api.Response answer = admin.send(HttpMethod.GET, "/api/audit-log/?limit=1", null, accept).expect(200);
            assertThat(answer.header("Content-Type")).as("for %s", accept).startsWith("application/json");
            assertThat(answer.json().has("results")).isTrue();
        }
    }
}
