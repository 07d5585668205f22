package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.Api.Response;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static dev.crm.app.api.HistoryApiTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code ?asOf=}: a record as it was at an instant, rebuilt from its events. */
class AsOfApiTest extends ApiTest {

    @Test
    void aContactAsItWasAtEachInstantInTheLiveShape() throws InterruptedException {
        Api member = newUser("member");
        Response created = member.post("/api/contacts/", """
                {"firstName": "Then", "email": "then@example.com", "assignedTo": "%s", "tags": ["x"]}"""
                .formatted(member.userId())).expect(201);
        String path = "/api/contacts/" + created.id() + "/";
        Instant afterCreate = Instant.parse(created.json().get("createdAt").stringValue());
        Thread.sleep(5);
        member.patch(path, "{\"stage\": \"engaged\", \"title\": \"CEO\", \"tags\": []}").expect(200);
        Thread.sleep(5);
        Instant afterPatch = Instant.now();
        Thread.sleep(5);
        member.patch(path, "{\"stage\": \"customer\"}").expect(200);

        Response then = member.get(path + "?asOf=" + afterCreate).expect(200);
        assertThat(then.json()).isEqualTo(created.json());
        assertThat(then.header("ETag")).isEqualTo("\"1\"");
        assertThat(fieldNames(then.json())).isEqualTo(fieldNames(member.get(path).json()));
        assertThat(then.json().get("assignedToName").stringValue()).isEqualTo("Test member");

        JsonNode middle = member.get(path + "?asOf=" + afterPatch).expect(200).json();
        assertThat(middle.get("stage").stringValue()).isEqualTo("engaged");
        assertThat(middle.get("title").stringValue()).isEqualTo("CEO");
        assertThat(middle.get("tags").size()).isZero();

        assertThat(member.get(path + "?asOf=" + Instant.now()).expect(200).json())
                .isEqualTo(member.get(path).json());
        member.get(path + "?asOf=" + afterCreate.minusSeconds(1)).expect(404);
        // The rebuild is rolled back: the live record is unchanged.
        assertThat(member.get(path).json().get("stage").stringValue()).isEqualTo("customer");
    }

    @Test
    void aDeletedContactIsReadableAsOfBeforeItsDeletionByAdminsAndAuditorsOnly() throws InterruptedException {
        Response created = admin.post("/api/contacts/", "{\"firstName\": \"Past\", \"email\": \"past@example.com\"}")
                .expect(201);
        String path = "/api/contacts/" + created.id() + "/";
        Thread.sleep(5);
        Instant beforeDelete = Instant.now();
        Thread.sleep(5);
        admin.delete(path).expect(204);

        assertThat(admin.get(path + "?asOf=" + beforeDelete).expect(200).json()).isEqualTo(created.json());
        newUser("auditor").get(path + "?asOf=" + beforeDelete).expect(200);
        newUser("member").get(path + "?asOf=" + beforeDelete).expect(404);
        admin.get(path + "?asOf=" + Instant.now()).expect(404);
        admin.get(path).expect(404);
    }

    @Test
    void aUserAsItWasBeforeItsDeactivation() throws InterruptedException {
        Api member = newUser("member");
        String path = "/api/users/" + member.userId() + "/";
        JsonNode before = admin.get(path).json();
        Thread.sleep(5);
        Instant active = Instant.now();
        Thread.sleep(5);
        admin.patch(path, "{\"active\": false, \"lastName\": \"Renamed\"}").expect(200);

        JsonNode then = admin.get(path + "?asOf=" + active).expect(200).json();
        assertThat(then).isEqualTo(before);
        assertThat(then.get("active").booleanValue()).isTrue();
        assertThat(admin.get(path).json().get("active").booleanValue()).isFalse();
    }

    @Test
    void everyResourceAnswersAsOf() throws InterruptedException {
        String lead = admin.post("/api/leads/", "{\"firstName\": \"L\", \"email\": \"l@example.com\", \"company\": \"Co\"}")
                .expect(201).id();
        String account = admin.post("/api/accounts/", "{\"name\": \"Before\"}").expect(201).id();
        String opportunity = admin.post("/api/opportunities/", "{\"name\": \"Deal\", \"value\": 100}").expect(201).id();
        String task = admin.post("/api/tasks/", "{\"title\": \"Call\"}").expect(201).id();
        String contact = admin.post("/api/contacts/", "{\"firstName\": \"C\", \"email\": \"c@example.com\"}")
                .expect(201).id();
        String note = admin.post("/api/contacts/" + contact + "/notes/", "{\"body\": \"first\"}").expect(201).id();
        Thread.sleep(5);
        Instant before = Instant.now();
        Thread.sleep(5);
        admin.patch("/api/leads/" + lead + "/", "{\"status\": \"qualified\"}").expect(200);
        admin.patch("/api/accounts/" + account + "/", "{\"name\": \"After\"}").expect(200);
        admin.patch("/api/opportunities/" + opportunity + "/", "{\"stage\": \"proposal\", \"value\": 250}").expect(200);
        admin.patch("/api/tasks/" + task + "/", "{\"status\": \"done\"}").expect(200);
        admin.patch("/api/notes/" + note + "/", "{\"body\": \"second\"}").expect(200);

        assertThat(admin.get("/api/leads/" + lead + "/?asOf=" + before).expect(200).json().get("status").stringValue())
                .isEqualTo("new");
        assertThat(admin.get("/api/accounts/" + account + "/?asOf=" + before).expect(200).json().get("name").stringValue())
                .isEqualTo("Before");
        JsonNode deal = admin.get("/api/opportunities/" + opportunity + "/?asOf=" + before).expect(200).json();
        assertThat(deal.get("stage").stringValue()).isEqualTo("qualification");
        assertThat(deal.get("value").intValue()).isEqualTo(100);
        assertThat(admin.get("/api/tasks/" + task + "/?asOf=" + before).expect(200).json().get("status").stringValue())
                .isEqualTo("open");
        assertThat(admin.get("/api/notes/" + note + "/?asOf=" + before).expect(200).json().get("body").stringValue())
                .isEqualTo("first");
        assertThat(admin.get("/api/leads/" + lead + "/").json().get("status").stringValue()).isEqualTo("qualified");
    }

    @Test
    void anUnparsableAsOfIsA400() {
        String id = admin.post("/api/contacts/", "{\"firstName\": \"Bad\", \"email\": \"bad@example.com\"}")
                .expect(201).id();
        Response answer = admin.get("/api/contacts/" + id + "/?asOf=yesterday").expect(400);
        assertThat(answer.json().get("errors").get(0).get("field").stringValue()).isEqualTo("asOf");
        admin.get("/api/contacts/" + id + "/?asOf=2025-01-01").expect(404);
        admin.get("/api/contacts/" + id + "/?asOf=%2B999999999-12-31T23:59:59Z").expect(400);
    }
}
