package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static dev.crm.app.api.HistoryApiTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

/** The audit log: every event of every record, deleted ones included, for admins and auditors. */
class AuditLogApiTest extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void onlyAdminsAndAuditorsReadTheAuditLog() {
        newUser("member").get("/api/audit-log/").expect(403);
        newUser("auditor").get("/api/audit-log/").expect(200);
        admin.get("/api/audit-log").expect(200);
        api.get("/api/audit-log/").expect(401);
    }

    @Test
    void everyEventOfARecordNewestFirstDeletedRecordsIncluded() {
        Api member = newUser("member");
        String id = member.post("/api/contacts/", "{\"firstName\": \"Audit\", \"email\": \"audit@example.com\"}")
                .expect(201).id();
        String requestId = Api.unique("req-audit-");
        member.send(HttpMethod.PATCH, "/api/contacts/" + id + "/", "{\"stage\": \"customer\"}",
                Map.of("X-Request-Id", requestId)).expect(200);
        member.delete("/api/contacts/" + id + "/").expect(204);

        JsonNode log = newUser("auditor").get("/api/audit-log/?entityId=" + id).expect(200).json();
        assertThat(log.get("count").intValue()).isEqualTo(3);
        JsonNode entries = log.get("results");
        assertThat(entries.findValuesAsString("type"))
                .containsExactly("contact.deleted", "contact.stage_changed", "contact.created");
        JsonNode stage = entries.get(1);
        assertThat(fieldNames(stage)).containsExactly("id", "type", "entityType", "entityId", "version",
                "occurredAt", "actor", "requestId", "changes");
        assertThat(stage.get("entityType").stringValue()).isEqualTo("contact");
        assertThat(stage.get("entityId").stringValue()).isEqualTo(id);
        assertThat(stage.get("version").intValue()).isEqualTo(2);
        assertThat(stage.get("actor").get("id").stringValue()).isEqualTo(member.userId());
        assertThat(stage.get("requestId").stringValue()).isEqualTo(requestId);
        assertThat(stage.get("changes").toString()).isEqualTo("{\"stage\":{\"from\":\"new\",\"to\":\"customer\"}}");
        assertThat(entries.get(0).get("changes").toString()).isEqualTo("{}");
    }

    @Test
    void filtersCombineAndAreChecked() throws InterruptedException {
        Api member = newUser("member");
        Instant before = Instant.now();
        Thread.sleep(5);
        String id = member.post("/api/contacts/", "{\"firstName\": \"Filter\", \"email\": \"filter@example.com\"}")
                .expect(201).id();
        member.patch("/api/contacts/" + id + "/", "{\"stage\": \"engaged\"}").expect(200);

        JsonNode byActor = admin.get("/api/audit-log/?actor=" + member.userId() + "&entityType=contact").json();
        assertThat(byActor.get("count").intValue()).isEqualTo(2);
        JsonNode byType = admin.get("/api/audit-log/?actor=" + member.userId() + "&type=contact.stage_changed")
                .json();
        assertThat(byType.get("results").findValuesAsString("entityId")).containsExactly(id);
        assertThat(admin.get("/api/audit-log/?actor=" + member.userId() + "&after=" + before).json()
                .get("count").intValue()).isEqualTo(2);
        assertThat(admin.get("/api/audit-log/?actor=" + member.userId() + "&before=" + before).json()
                .get("count").intValue()).isZero();
        assertThat(admin.get("/api/audit-log/?entityId=" + member.userId() + "&entityType=user").json()
                .get("results").findValuesAsString("type")).containsExactly("user.token_issued", "user.created");
        JsonNode paged = admin.get("/api/audit-log/?actor=" + member.userId() + "&limit=1").json();
        assertThat(paged.get("next").stringValue()).contains("actor=" + member.userId()).contains("page=2");

        JsonNode invalid = admin.get("/api/audit-log/?entityType=widget&after=yesterday&limit=x&entityId=%00"
                + "&actor=bob&type=DROP%20TABLE&before=%2B999999999-01-01T00:00:00Z").expect(400).json();
        assertThat(invalid.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("entityType", "after", "limit", "entityId", "actor", "type", "before");
        assertThat(admin.get("/api/audit-log/?actor=system&entityType=user").expect(200).json().get("count")
                .intValue()).isPositive();
    }

    /** Entries logged before the column existed: the migration that added it fills them from their events. */
    @Test
    void theMigrationThatAddedRequestIdsFillsThemFromTheEvents() throws IOException {
        String requestId = Api.unique("req-old-");
        String id = admin.send(HttpMethod.POST, "/api/contacts/",
                "{\"lastName\": \"Old\", \"email\": \"o@example.com\"}", Map.of("X-Request-Id", requestId))
                .expect(201).id();
        jdbc.update("UPDATE read_model.event_log SET request_id = NULL WHERE entity_id = ?", id);
        assertThat(admin.get("/api/audit-log/?entityId=" + id).json().at("/results/0/requestId").isNull()).isTrue();

        String migration = new ClassPathResource("db/readmodel/V14__event_log_request_id.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        jdbc.execute(migration.substring(migration.indexOf("DO $$")));

        assertThat(admin.get("/api/audit-log/?entityId=" + id).json().at("/results/0/requestId").stringValue())
                .isEqualTo(requestId);
    }

    @Test
    void userEventsNeverShowATokenHash() {
        Api member = newUser("member");
        member.post("/api/users/" + member.userId() + "/tokens/", null).expect(201);

        String log = admin.get("/api/audit-log/?entityId=" + member.userId()).expect(200).body();
        assertThat(log).contains("user.token_issued").contains("tok_").doesNotContain("tokenHash");
    }
}
