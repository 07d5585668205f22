package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/audit/deleted-records/}: deleted records found by their last known name or email (the
 * lists' {@code search} finds live ones only), for admins and auditors; an erased person is never found by
 * what was erased.
 */
class DeletedRecordsApiTest extends ApiTest {

    @Test
    void aDeletedRecordIsFoundByItsLastKnownNameOrEmailAndALiveOneIsNot() {
        Api member = newUser("member");
        String name = Api.unique("Dora");
        String deleted = member.post("/api/contacts/", """
                {"firstName": "%s", "lastName": "Gone", "email": "%s@example.com", "stage": "new"}"""
                .formatted(name, name.toLowerCase())).expect(201).id();
        member.patch("/api/contacts/" + deleted + "/", "{\"stage\": \"engaged\"}").expect(200);
        member.delete("/api/contacts/" + deleted + "/").expect(204);
        String live = member.post("/api/contacts/", """
                {"firstName": "%s", "lastName": "Here", "email": "%s.here@example.com"}"""
                .formatted(name, name.toLowerCase())).expect(201).id();
        String account = member.post("/api/accounts/", "{\"name\": \"%s Holdings\", \"domain\": \"%s.example\"}"
                .formatted(name, name.toLowerCase())).expect(201).id();
        member.delete("/api/accounts/" + account + "/").expect(204);

        Api auditor = newUser("auditor");
        JsonNode byName = auditor.get("/api/audit/deleted-records/?search=" + name.toUpperCase()).expect(200).json();
        assertThat(byName.get("count").longValue()).isEqualTo(2);
        assertThat(ids(byName)).containsExactly(account, deleted).doesNotContain(live);
        JsonNode contact = byName.get("results").get(1);
        assertThat(contact.get("entityType").stringValue()).isEqualTo("contact");
        assertThat(contact.at("/fields/firstName").stringValue()).isEqualTo(name);
        assertThat(contact.at("/fields/stage").stringValue()).isEqualTo("engaged");
        assertThat(byName.get("results").get(0).get("entityType").stringValue()).isEqualTo("account");

        assertThat(ids(auditor.get("/api/audit/deleted-records/?search=" + name + "%20gone").expect(200).json()))
                .containsExactly(deleted);
        assertThat(ids(admin.get("/api/audit/deleted-records/?search=" + name.toLowerCase() + "@example").expect(200)
                .json())).containsExactly(deleted);

        JsonNode first = auditor.get("/api/audit/deleted-records/?search=" + name + "&limit=1").expect(200).json();
        assertThat(ids(first)).containsExactly(account);
        assertThat(first.get("count").longValue()).isEqualTo(2);
        assertThat(first.get("next").stringValue()).contains("page=2");
        assertThat(ids(auditor.get("/api/audit/deleted-records/?search=" + name + "&limit=1&page=2").expect(200)
                .json())).containsExactly(deleted);
        JsonNode past = auditor.get("/api/audit/deleted-records/?search=" + name + "&limit=1&page=3").expect(200).json();
        assertThat(past.get("results")).isEmpty();
        assertThat(past.get("count").longValue()).isEqualTo(2);
    }

    @Test
    void anErasedPersonIsListedWithErasedFieldsButNeverFoundByThem() {
        Api member = newUser("member");
        String name = Api.unique("Erik");
        String id = member.post("/api/contacts/", """
                {"firstName": "%s", "lastName": "Erased", "email": "%s@example.com"}"""
                .formatted(name, name.toLowerCase())).expect(201).id();
        admin.post("/api/contacts/" + id + "/erase/", null).expect(204);

        Api auditor = newUser("auditor");
        assertThat(auditor.get("/api/audit/deleted-records/?search=" + name).expect(200).json().get("count").longValue())
                .isZero();
        assertThat(auditor.get("/api/audit/deleted-records/?search=erased").expect(200).json().toString())
                .doesNotContain(id);
        JsonNode all = auditor.get("/api/audit/deleted-records/?limit=100").expect(200).json();
        JsonNode erased = null;
        for (JsonNode record : all.get("results")) {
            if (record.get("id").stringValue().equals(id)) {
                erased = record;
            }
        }
        assertThat(erased).as("the newest deleted records hold %s", id).isNotNull();
        assertThat(erased.at("/fields/firstName").stringValue()).isEqualTo("[erased]");
        assertThat(erased.at("/fields/email").stringValue()).isEqualTo("[erased]");
        assertThat(erased.toString()).doesNotContain(name);
    }

    @Test
    void onlyAdminsAndAuditorsMayAsk() {
        api.get("/api/audit/deleted-records/").expect(401);
        newUser("member").get("/api/audit/deleted-records/").expect(403);
        newUser("auditor").get("/api/audit/deleted-records/?limit=0").expect(400);
        newUser("auditor").get("/api/audit/deleted-records/?page=x").expect(400);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("results").forEach(r -> ids.add(r.get("id").stringValue()));
        return ids;
    }
}
