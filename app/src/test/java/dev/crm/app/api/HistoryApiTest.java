package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.Api.Response;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A record's history, read from its events: every change, oldest first, with who made it. */
class HistoryApiTest extends ApiTest {

    @Test
    void historyListsEveryEventOldestFirstWithWhatItChanged() {
        Api member = newUser("member");
        String id = member.post("/api/contacts/", """
                {"firstName": "Hist", "lastName": "Ory", "email": "hist@example.com", "tags": ["a"]}""")
                .expect(201).id();
        String path = "/api/contacts/" + id + "/";
        member.patch(path, "{\"stage\": \"engaged\"}").expect(200);
        Response last = member.patch(path, "{\"title\": \"CTO\", \"tags\": [\"a\", \"b\"]}").expect(200);

        JsonNode history = member.get(path + "history/").expect(200).json();
        assertThat(history.get("count").intValue()).isEqualTo(4);
        assertThat(history.get("next").isNull()).isTrue();
        assertThat(history.get("previous").isNull()).isTrue();
        JsonNode entries = history.get("results");
        assertThat(entries.findValuesAsString("type")).containsExactly("contact.created", "contact.stage_changed",
                "contact.details_corrected", "contact.tags_changed");
        List<Integer> versions = new ArrayList<>();
        entries.forEach(e -> versions.add(e.get("version").intValue()));
        assertThat(versions).containsExactly(1, 2, 3, 4);
        assertThat(last.header("ETag")).isEqualTo("\"4\"");

        JsonNode created = entries.get(0);
        assertThat(fieldNames(created)).containsExactly("id", "type", "version", "occurredAt", "actor", "requestId",
                "changes");
        assertThat(created.get("id").stringValue()).matches("evt_[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(created.get("occurredAt").stringValue()).endsWith("Z");
        assertThat(created.get("actor").get("id").stringValue()).isEqualTo(member.userId());
        assertThat(created.get("actor").get("name").stringValue()).isEqualTo("Test member");
        JsonNode createdChanges = created.get("changes");
        assertThat(fieldNames(createdChanges)).as("the changed fields, in the event's order").containsExactly(
                "firstName", "lastName", "email", "stage", "tags", "emailOptOut", "emailBounced");
        assertThat(createdChanges.get("firstName").get("from").isNull()).isTrue();
        assertThat(createdChanges.get("firstName").get("to").stringValue()).isEqualTo("Hist");

        assertThat(entries.get(1).get("changes").toString())
                .isEqualTo("{\"stage\":{\"from\":\"new\",\"to\":\"engaged\"}}");
        assertThat(entries.get(2).get("changes").toString())
                .isEqualTo("{\"title\":{\"from\":null,\"to\":\"CTO\"}}");
        assertThat(entries.get(3).get("changes").toString())
                .isEqualTo("{\"tags\":{\"from\":[\"a\"],\"to\":[\"a\",\"b\"]}}");

        // The same id for the same event on every read.
        assertThat(member.get(path + "history").expect(200).json().get("results").get(0).get("id"))
                .isEqualTo(created.get("id"));
    }

    @Test
    void everyEntryCarriesTheIdOfTheRequestThatCausedIt() {
        Api member = newUser("member");
        String created = Api.unique("req-hist-");
        String changed = Api.unique("req-hist-");
        Response answer = member.send(HttpMethod.POST, "/api/contacts/",
                "{\"lastName\": \"Requested\", \"email\": \"req@example.com\"}", Map.of("X-Request-Id", created))
                .expect(201);
        assertThat(answer.header("X-Request-Id")).isEqualTo(created);
        String path = "/api/contacts/" + answer.id() + "/";
        member.send(HttpMethod.PATCH, path, "{\"stage\": \"engaged\"}", Map.of("X-Request-Id", changed)).expect(200);
        Response unnamed = member.patch(path, "{\"stage\": \"customer\"}").expect(200);

        JsonNode entries = member.get(path + "history/").expect(200).json().get("results");

        assertThat(entries.findValuesAsString("requestId")).containsExactly(created, changed,
                unnamed.header("X-Request-Id"));
        assertThat(unnamed.header("X-Request-Id")).startsWith("req_");
    }

    @Test
    void aRecordWithALongHistoryIsLoadedFromItsLatestSnapshot() {
        String id = admin.post("/api/contacts/", "{\"firstName\": \"Long\", \"email\": \"%s@example.com\"}"
                .formatted(Api.unique("long"))).expect(201).id();
        String path = "/api/contacts/" + id + "/";
        String[] stages = {"contacted", "engaged"};
        for (int i = 0; i < 249; i++) {
            admin.patch(path, "{\"stage\": \"" + stages[i % 2] + "\"}").expect(200);
        }
        Response last = admin.patch(path, "{\"title\": \"After 250 events\", \"tags\": [\"long\"]}").expect(200);

        assertThat(last.header("ETag")).as("created, 249 stage changes, details and tags").isEqualTo("\"252\"");
        assertThat(last.json().get("stage").stringValue()).isEqualTo("contacted");
        assertThat(jdbc.queryForObject("""
                SELECT max(sequence_number) FROM event_store.snapshot_event_entry WHERE aggregate_identifier = ?""",
                Long.class, id)).as("the sequence number of the latest snapshot").isBetween(99L, 251L);
        // Loaded from the snapshot plus the events after it, the record decides as the full history would.
        admin.send(HttpMethod.PATCH, path, "{\"stage\": \"customer\"}",
                Map.of("If-Match", "\"251\"")).expect(412);
        admin.send(HttpMethod.PATCH, path, "{\"stage\": \"customer\"}",
                Map.of("If-Match", "\"252\"")).expect(200);
        assertThat(admin.get(path + "history/?limit=1").json().get("count").intValue()).isEqualTo(253);
    }

    @Test
    void historyIsPaginatedLikeEveryList() {
        String id = admin.post("/api/contacts/", "{\"firstName\": \"Pages\", \"email\": \"pages@example.com\"}")
                .expect(201).id();
        for (int i = 0; i < 4; i++) {
            admin.patch("/api/contacts/" + id + "/", "{\"title\": \"t" + i + "\"}").expect(200);
        }
        String path = "/api/contacts/" + id + "/history/";

        JsonNode first = admin.get(path + "?limit=2").expect(200).json();
        assertThat(first.get("count").intValue()).isEqualTo(5);
        assertThat(first.get("results").findValuesAsString("type")).hasSize(2);
        assertThat(first.get("next").stringValue()).endsWith(path + "?limit=2&page=2");
        JsonNode last = admin.get(path + "?limit=2&page=3").expect(200).json();
        assertThat(last.get("results").get(0).get("version").intValue()).isEqualTo(5);
        assertThat(last.get("next").isNull()).isTrue();
        JsonNode newestFirst = admin.get(path + "?ordering=-occurredAt&limit=1").expect(200).json();
        assertThat(newestFirst.get("results").get(0).get("version").intValue()).isEqualTo(5);
        assertThat(admin.get(path + "?ordering=-occurredAt&limit=2&page=3").json().get("results")
                .findValuesAsString("type")).containsExactly("contact.created");
        JsonNode pastTheEnd = admin.get(path + "?limit=2&page=4").expect(200).json();
        assertThat(pastTheEnd.get("count").intValue()).isEqualTo(5);
        assertThat(pastTheEnd.get("results")).isEmpty();
        // Paged by version (RecordEntries), the audit log of one record equals what counting and paging its
        // entries by position (the same filter with entityType) answer, page by page, in either order.
        for (String query : List.of("limit=2&page=1", "limit=2&page=2", "limit=2&page=3",
                "limit=3&page=2&ordering=occurredAt")) {
            JsonNode byVersion = admin.get("/api/audit-log/?entityId=" + id + "&" + query).expect(200).json();
            JsonNode counted = admin.get("/api/audit-log/?entityId=" + id + "&entityType=contact&" + query)
                    .expect(200).json();
            assertThat(byVersion.get("count")).isEqualTo(counted.get("count"));
            assertThat(byVersion.get("results")).isEqualTo(counted.get("results"));
            assertThat(byVersion.get("results")).isNotEmpty();
        }
        assertThat(admin.get("/api/audit-log/?entityId=cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V").json().get("count")
                .intValue()).isZero();

        admin.get(path + "?page=0").expect(400);
        admin.get(path + "?ordering=lastName").expect(400);
    }

    @Test
    void aDeletedRecordsHistoryIsA404LikeTheRecord() {
        String id = admin.post("/api/contacts/", "{\"firstName\": \"Gone\", \"email\": \"gone@example.com\"}")
                .expect(201).id();
        admin.get("/api/contacts/" + id + "/history/").expect(200);
        admin.delete("/api/contacts/" + id + "/").expect(204);

        Response answer = admin.get("/api/contacts/" + id + "/history/").expect(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void unknownRecordsWrongPrefixesAndResourcesWithoutHistoryAre404() {
        admin.get("/api/contacts/cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V/history/").expect(404);
        admin.get("/api/contacts/not-an-id/history/").expect(404);
        admin.get("/api/leads/" + admin.post("/api/contacts/", "{\"firstName\": \"P\", \"email\": \"p@example.com\"}")
                .expect(201).id() + "/history/").expect(404);
        admin.get("/api/leads/ld_01JD3Q8W6Y0T7K2M4N5P6R7S8V/history/").expect(404);
        admin.get("/api/widgets/cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V/history/").expect(404);
    }

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ApplicationContext context;

    @Test
    void aDroppedEventLogIsRebuiltFromTheEventStoreWithTheSameEntries() {
        String id = admin.post("/api/contacts/", "{\"firstName\": \"Re\", \"email\": \"re@example.com\"}")
                .expect(201).id();
        admin.patch("/api/contacts/" + id + "/", "{\"stage\": \"engaged\", \"tags\": [\"t\"]}").expect(200);
        String before = admin.get("/api/contacts/" + id + "/history/").expect(200).body();
        String audit = admin.get("/api/audit-log/?entityId=" + admin.get("/api/users/me/").id()).expect(200).body();

        jdbc.update("DELETE FROM read_model.event_log");
        jdbc.update("DELETE FROM read_model.event_log_record");
        admin.get("/api/contacts/" + id + "/history/").expect(404);
        context.getBean("eventLogBackfill", SmartInitializingSingleton.class).afterSingletonsInstantiated();

        assertThat(admin.get("/api/contacts/" + id + "/history/").expect(200).body()).isEqualTo(before);
        assertThat(admin.get("/api/audit-log/?entityId=" + admin.get("/api/users/me/").id()).expect(200).body())
                .isEqualTo(audit);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
