package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.Api.Response;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static dev.crm.app.api.ContactsApiTest.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

/** The Leads API of the published reference (conversion has its own test class), over real HTTP. */
class LeadsApiTest extends ApiTest {

    @Test
    void createAnswers201WithTheFullLead() {
        Api member = newUser("member");
        Response created = member.post("/api/leads/", """
                {"firstName": "Dana", "lastName": "Lee", "email": "dana@example.com", "phone": "+15553334444",
                 "company": "Startup IO", "status": "new", "source": "referral", "assignedTo": "%s",
                 "leadScore": 5, "notes": "Referred by Marcus at GrowthCo"}""".formatted(member.userId()))
                .expect(201);

        JsonNode lead = created.json();
        assertThat(lead.get("id").stringValue()).matches("ld_[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(new ArrayList<>(lead.propertyNames())).containsExactlyInAnyOrder("id", "firstName", "lastName",
                "email", "phone", "company", "status", "source", "assignedTo", "assignedToName", "leadScore",
                "emailOptOut", "emailBounced", "convertedAt", "convertedContactId", "notes", "createdAt", "updatedAt");
        assertThat(lead.get("assignedToName").stringValue()).isEqualTo("Test member");
        assertThat(lead.get("leadScore").intValue()).isEqualTo(5);
        assertThat(lead.get("convertedAt").isNull()).isTrue();
        assertThat(lead.get("convertedContactId").isNull()).isTrue();
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(member.get("/api/leads/" + created.id()).expect(200).json()).isEqualTo(lead);
    }

    @Test
    void createValidatesEveryFieldAndRefusesStatusConverted() {
        Response answer = admin.post("/api/leads/", """
                {"email": "nope", "status": "converted", "leadScore": 101, "phone": "12", "source": %s,
                 "convertedAt": "2025-01-01T00:00:00Z", "tags": ["x"]}""".formatted("\"" + "s".repeat(101) + "\""))
                .expect(400);
        assertThat(errorFields(answer)).containsExactlyInAnyOrder("email", "status", "leadScore", "phone", "source",
                "convertedAt", "tags", "firstName");
        admin.post("/api/leads/", "{\"firstName\": \"X\", \"email\": \"x@example.com\", \"status\": \"hot\"}")
                .expect(400);
        admin.post("/api/leads/", "{\"firstName\": \"X\", \"email\": \"x@example.com\", \"leadScore\": 2.5}")
                .expect(400);
    }

    @Test
    void patchUpdatesTheLeadButNeverToConverted() {
        String id = admin.post("/api/leads/", "{\"firstName\": \"Pat\", \"email\": \"pat@example.com\"}")
                .expect(201).id();
        String path = "/api/leads/" + id + "/";

        JsonNode patched = admin.patch(path, "{\"status\": \"qualified\", \"leadScore\": 9}").expect(200).json();
        assertThat(patched.get("status").stringValue()).isEqualTo("qualified");
        assertThat(patched.get("leadScore").intValue()).isEqualTo(9);

        assertThat(errorFields(admin.patch(path, "{\"status\": \"converted\"}").expect(400))).containsExactly("status");
        assertThat(admin.patch(path, "{\"leadScore\": null}").expect(200).json().get("leadScore").isNull()).isTrue();
        assertThat(admin.get(path).json().get("status").stringValue()).isEqualTo("qualified");
    }

    @Test
    void aConvertedLeadIsReadOnly() {
        String id = admin.post("/api/leads/", "{\"firstName\": \"Ro\", \"email\": \"ro@example.com\"}").expect(201).id();
        admin.post("/api/leads/" + id + "/convert/", "{}").expect(200);

        Response answer = admin.patch("/api/leads/" + id + "/", "{\"leadScore\": 3}").expect(409);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(admin.get("/api/leads/" + id + "/").json().get("leadScore").isNull()).isTrue();
    }

    @Test
    void listFiltersByStatusSourceOwnerSearchAndDate() {
        Api owner = newUser("member");
        String marker = Api.unique("co");
        String source = Api.unique("src");
        String a = lead("Marcus", "Rodriguez", "GrowthCo " + marker, "contacted", source, owner.userId(), 7);
        String b = lead("Ann", "Other", "Acme " + marker, "new", source, null, 3);
        String c = lead("Cy", "Third", "Nothing", "contacted", source, owner.userId(), null);

        assertThat(ids("source=" + source)).containsExactly(c, b, a);
        assertThat(ids("source=" + source + "&status=contacted")).containsExactly(c, a);
        assertThat(ids("source=" + source + "&assignedTo=" + owner.userId())).containsExactly(c, a);
        assertThat(ids("source=" + source + "&search=" + marker.toUpperCase())).containsExactly(b, a);
        assertThat(ids("source=" + source + "&search=marcus%20rod")).containsExactly(a);
        assertThat(ids("source=" + source + "&createdAfter=2000-01-01")).containsExactly(c, b, a);
        assertThat(ids("source=" + source + "&ordering=-leadScore")).containsExactly(a, b, c);
        assertThat(ids("source=" + source + "&ordering=leadScore")).containsExactly(c, b, a);
        assertThat(errorFields(admin.get("/api/leads/?status=hot&ordering=company&createdAfter=x").expect(400)))
                .containsExactlyInAnyOrder("status", "ordering", "createdAfter");
    }

    @Test
    void deleteRemovesTheLead() {
        String id = admin.post("/api/leads/", "{\"firstName\": \"Del\", \"email\": \"del@example.com\"}")
                .expect(201).id();
        admin.delete("/api/leads/" + id + "/").expect(204);
        admin.get("/api/leads/" + id + "/").expect(404);
        admin.delete("/api/leads/" + id + "/").expect(404);
        admin.get("/api/leads/ld_nope/").expect(404);
        admin.get("/api/leads/cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V/").expect(404);
    }

    private String lead(String first, String last, String company, String status, String source, String owner,
                        Integer score) {
        return admin.post("/api/leads/", """
                {"firstName": "%s", "lastName": "%s", "email": "%s@example.com", "company": "%s", "status": "%s",
                 "source": "%s", "assignedTo": %s, "leadScore": %s}""".formatted(first, last, Api.unique("l"),
                company, status, source, owner == null ? "null" : "\"" + owner + "\"", score)).expect(201).id();
    }

    private List<String> ids(String query) {
        return admin.get("/api/leads/?limit=100&" + query).expect(200).json().get("results").findValuesAsString("id");
    }
}
