package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.Api.Response;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.crm.app.api.ContactsApiTest.errorFields;
import static dev.crm.app.api.ContactsApiTest.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

/** The Opportunities API, over real HTTP. */
class OpportunitiesApiTest extends ApiTest {

    private Response create(String json) {
        return admin.post("/api/opportunities/", json);
    }

    private String account(String name) {
        return admin.post("/api/accounts/", "{\"name\": \"%s\"}".formatted(name)).expect(201).id();
    }

    private String contact(String accountId) {
        return admin.post("/api/contacts/", """
                {"firstName": "Buyer", "email": "%s@example.com", "accountId": "%s"}"""
                .formatted(Api.unique("buyer"), accountId)).expect(201).id();
    }

    @Test
    void createAnswers201WithTheFullOpportunityItsLocationAndVersion() {
        Api member = newUser("member");
        String account = account("Acme");
        String contact = contact(account);
        Response created = member.post("/api/opportunities/", """
                {"name": " Acme renewal ", "value": 12000, "currency": "EUR", "stage": "proposal",
                 "accountId": "%s", "contactId": "%s", "assignedTo": "%s", "closeDate": "2025-06-30"}"""
                .formatted(account, contact, member.userId())).expect(201);

        JsonNode opportunity = created.json();
        assertThat(opportunity.get("id").stringValue()).matches("opp_[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(opportunity.get("name").stringValue()).isEqualTo("Acme renewal");
        assertThat(opportunity.get("value").toString()).isEqualTo("12000");
        assertThat(opportunity.get("currency").stringValue()).isEqualTo("EUR");
        assertThat(opportunity.get("stage").stringValue()).isEqualTo("proposal");
        assertThat(opportunity.get("accountId").stringValue()).isEqualTo(account);
        assertThat(opportunity.get("accountName").stringValue()).isEqualTo("Acme");
        assertThat(opportunity.get("contactId").stringValue()).isEqualTo(contact);
        assertThat(opportunity.get("assignedTo").stringValue()).isEqualTo(member.userId());
        assertThat(opportunity.get("assignedToName").stringValue()).isEqualTo("Test member");
        assertThat(opportunity.get("closeDate").stringValue()).isEqualTo("2025-06-30");
        assertThat(opportunity.get("createdAt").stringValue()).endsWith("Z")
                .isEqualTo(opportunity.get("updatedAt").stringValue());
        assertThat(new ArrayList<>(opportunity.propertyNames())).containsExactlyInAnyOrder("id", "name", "value",
                "currency", "stage", "accountId", "accountName", "contactId", "assignedTo", "assignedToName",
                "closeDate", "createdAt", "updatedAt");
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("Location")).endsWith("/api/opportunities/" + created.id() + "/");
        assertThat(member.get("/api/opportunities/" + created.id() + "/").expect(200).json()).isEqualTo(opportunity);
    }

    @Test
    void aNewOpportunityIsWorthNothingInUsdAtQualification() {
        JsonNode opportunity = create("{\"name\": \"Bare\"}").expect(201).json();
        assertThat(opportunity.get("value").toString()).isEqualTo("0");
        assertThat(opportunity.get("currency").stringValue()).isEqualTo("USD");
        assertThat(opportunity.get("stage").stringValue()).isEqualTo("qualification");
        assertThat(opportunity.get("accountId").isNull()).isTrue();
        assertThat(opportunity.get("accountName").isNull()).isTrue();
        assertThat(opportunity.get("closeDate").isNull()).isTrue();
    }

    @Test
    void valuesComeBackAsPlainNumbers() {
        assertThat(create("{\"name\": \"a\", \"value\": 12000.00}").expect(201).json().get("value").toString())
                .isEqualTo("12000");
        assertThat(create("{\"name\": \"b\", \"value\": 1.2e4}").expect(201).json().get("value").toString())
                .isEqualTo("12000");
        assertThat(create("{\"name\": \"c\", \"value\": 99.50}").expect(201).json().get("value").toString())
                .isEqualTo("99.5");
    }

    @Test
    void createListsEveryInvalidFieldAndStoresNothing() {
        String name = Api.unique("invalid");
        Response answer = create("""
                {"name": "%s", "value": -1, "currency": "usd", "stage": "won", "accountId": "acc_01JD3Q8W6Y0T7K2M4N5P6R7S8V",
                 "contactId": "cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V", "assignedTo": "usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V",
                 "closeDate": "2025-02-30", "accountName": "x", "id": "opp_x", "probability": 5}"""
                .formatted("x".repeat(201))).expect(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(errorFields(answer)).containsExactlyInAnyOrder("name", "value", "currency", "stage", "accountId",
                "contactId", "assignedTo", "closeDate", "accountName", "id", "probability");
        assertThat(errorFields(create("{\"name\": \"Year zero\", \"closeDate\": \"0000-01-01\"}").expect(400)))
                .containsExactly("closeDate");
        assertThat(errorMessage(answer, "stage")).contains("qualification, needs_analysis, proposal, negotiation,"
                + " closed_won, closed_lost");

        assertThat(errorFields(create("{\"value\": 5}").expect(400))).containsExactly("name");
        assertThat(errorFields(create("{\"name\": \"" + name + "\", \"value\": \"5\", \"currency\": \"XYZ\"}")
                .expect(400))).containsExactlyInAnyOrder("value", "currency");
        assertThat(errorFields(create("{\"name\": \"n\", \"value\": 1e400, \"accountId\": \"nope\"}").expect(400)))
                .containsExactlyInAnyOrder("value", "accountId");
        assertThat(errorFields(create("{\"name\": \"n\", \"value\": 1.005}").expect(400))).containsExactly("value");
        assertThat(admin.get("/api/opportunities/?search=" + name).json().get("count").intValue()).isZero();
    }

    @Test
    void patchChangesOnlyTheFieldsItNamesAndBumpsTheVersion() {
        Api member = newUser("member");
        String account = account("Patch Co");
        String contact = contact(account);
        Response created = create("""
                {"name": "Deal", "value": 500, "accountId": "%s", "closeDate": "2025-06-30"}""".formatted(account))
                .expect(201);
        String path = "/api/opportunities/" + created.id() + "/";

        Response patched = admin.patch(path, """
                {"value": 750.5, "stage": "negotiation", "assignedTo": "%s", "contactId": "%s", "accountId": null,
                 "closeDate": null}""".formatted(member.userId(), contact)).expect(200);
        JsonNode opportunity = patched.json();
        assertThat(opportunity.get("value").toString()).isEqualTo("750.5");
        assertThat(opportunity.get("stage").stringValue()).isEqualTo("negotiation");
        assertThat(opportunity.get("assignedTo").stringValue()).isEqualTo(member.userId());
        assertThat(opportunity.get("contactId").stringValue()).isEqualTo(contact);
        assertThat(opportunity.get("accountId").isNull()).isTrue();
        assertThat(opportunity.get("accountName").isNull()).isTrue();
        assertThat(opportunity.get("closeDate").isNull()).isTrue();
        assertThat(opportunity.get("name").stringValue()).isEqualTo("Deal");
        // details, stage, owner, account and contact: five events after the creation
        assertThat(patched.header("ETag")).isEqualTo("\"6\"");
        assertThat(admin.get(path).json()).isEqualTo(opportunity);

        Response same = admin.patch(path, "{\"value\": 750.50, \"currency\": \"USD\", \"stage\": \"negotiation\"}")
                .expect(200);
        assertThat(same.header("ETag")).isEqualTo("\"6\"");
    }

    @Test
    void patchRejectsInvalidValuesAndChangesNothing() {
        Response created = create("{\"name\": \"Keep\", \"value\": 10}").expect(201);
        String path = "/api/opportunities/" + created.id() + "/";
        Response answer = admin.patch(path, """
                {"name": "", "value": null, "currency": null, "stage": null, "contactId": "cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V",
                 "assignedToName": "x", "closeDate": "June"}""").expect(400);
        assertThat(errorFields(answer)).containsExactlyInAnyOrder("name", "value", "currency", "stage", "contactId",
                "assignedToName", "closeDate");
        assertThat(admin.get(path).json()).isEqualTo(created.json());
    }

    @Test
    void ifMatchWithAStaleVersionAnswers412AndDeleteRemovesTheOpportunity() {
        String path = "/api/opportunities/" + create("{\"name\": \"Versioned\"}").expect(201).id() + "/";
        admin.send(HttpMethod.PATCH, path, "{\"value\": 1}", Map.of("If-Match", "\"1\"")).expect(200);
        admin.send(HttpMethod.PATCH, path, "{\"value\": 2}", Map.of("If-Match", "\"1\"")).expect(412);
        admin.send(HttpMethod.DELETE, path, null, Map.of("If-Match", "\"1\"")).expect(412);
        assertThat(admin.get(path).json().get("value").toString()).isEqualTo("1");

        admin.send(HttpMethod.DELETE, path, null, Map.of("If-Match", "\"2\"")).expect(204);
        admin.get(path).expect(404);
        admin.delete(path).expect(404);
        admin.patch(path, "{\"name\": \"Ghost\"}").expect(404);
    }

    @Test
    void anAuditorReadsButCannotWrite() {
        Api auditor = newUser("auditor");
        String id = create("{\"name\": \"Readable\"}").expect(201).id();
        String path = "/api/opportunities/" + id + "/";
        auditor.get(path).expect(200);
        auditor.get("/api/opportunities/").expect(200);
        auditor.post("/api/opportunities/", "{\"name\": \"Readable\"}").expect(403);
        auditor.patch(path, "{\"name\": \"No\"}").expect(403);
        auditor.delete(path).expect(403);
        api.get(path).expect(401);
    }

    @Test
    void unknownOrMalformedIdsAre404() {
        admin.get("/api/opportunities/opp_01JD3Q8W6Y0T7K2M4N5P6R7S8V/").expect(404);
        admin.get("/api/opportunities/acc_01JD3Q8W6Y0T7K2M4N5P6R7S8V/").expect(404);
        admin.get("/api/opportunities/not-an-id/").expect(404);
        admin.patch("/api/opportunities/opp_nope/", "{}").expect(404);
        admin.delete("/api/opportunities/opp_01JD3Q8W6Y0T7K2M4N5P6R7S8V/").expect(404);
    }

    @Test
    void accountNameFollowsTheAccountsRename() {
        String account = account("Old Name");
        String id = create("{\"name\": \"Renamed\", \"accountId\": \"%s\"}".formatted(account)).expect(201).id();
        admin.patch("/api/accounts/" + account + "/", "{\"name\": \"New Name\"}").expect(200);
        assertThat(admin.get("/api/opportunities/" + id + "/").json().get("accountName").stringValue())
                .isEqualTo("New Name");
    }

    @Test
    void listFiltersByStageAccountContactOwnerSearchAndDates() {
        Api owner = newUser("member");
        String marker = Api.unique("zq");
        String account = account("Filter " + marker);
        String contact = contact(account);
        String a = create("""
                {"name": "Alpha %s", "stage": "proposal", "accountId": "%s", "assignedTo": "%s"}"""
                .formatted(marker, account, owner.userId())).expect(201).id();
        String b = create("""
                {"name": "Beta %s", "accountId": "%s", "contactId": "%s"}""".formatted(marker, account, contact))
                .expect(201).id();
        String c = create("""
                {"name": "Gamma %s", "stage": "proposal", "contactId": "%s", "assignedTo": "%s"}"""
                .formatted(marker, contact, owner.userId())).expect(201).id();
        String cCreatedAt = admin.get("/api/opportunities/" + c + "/").json().get("createdAt").stringValue();

        assertThat(ids("search=" + marker.toUpperCase())).containsExactly(c, b, a);
        assertThat(ids("search=" + marker + "&stage=proposal")).containsExactly(c, a);
        assertThat(ids("accountId=" + account)).containsExactly(b, a);
        assertThat(ids("contactId=" + contact)).containsExactly(c, b);
        assertThat(ids("assignedTo=" + owner.userId())).containsExactly(c, a);
        assertThat(ids("search=beta%20" + marker)).containsExactly(b);
        assertThat(ids("search=" + marker + "&createdBefore=" + cCreatedAt)).containsExactly(b, a);
        assertThat(ids("search=" + marker + "&createdAfter=" + cCreatedAt)).isEmpty();
        assertThat(ids("search=" + marker + "&createdAfter=2000-01-01&createdBefore=2999-12-31"))
                .containsExactly(c, b, a);
        assertThat(ids("accountId=" + account + "&contactId=" + contact + "&stage=qualification"))
                .containsExactly(b);

        Response answer = admin.get("/api/opportunities/?stage=won&accountId=cnt_x&contactId=acc_x&assignedTo=x"
                + "&createdAfter=x&ordering=probability&limit=0").expect(400);
        assertThat(errorFields(answer)).containsExactlyInAnyOrder("stage", "accountId", "contactId", "assignedTo",
                "createdAfter", "ordering", "limit");
    }

    @Test
    void listOrdersByValueCloseDateNameAndTime() {
        String marker = Api.unique("ord");
        String small = create("""
                {"name": "b %s", "value": 9.99, "closeDate": "2025-03-01"}""".formatted(marker)).expect(201).id();
        String large = create("""
                {"name": "C %s", "value": 100000, "closeDate": "2025-01-15"}""".formatted(marker)).expect(201).id();
        String middle = create("""
                {"name": "a %s", "value": 250, "closeDate": "2025-12-31"}""".formatted(marker)).expect(201).id();

        assertThat(ids("search=" + marker + "&ordering=value")).containsExactly(small, middle, large);
        assertThat(ids("search=" + marker + "&ordering=-value")).containsExactly(large, middle, small);
        assertThat(ids("search=" + marker + "&ordering=closeDate")).containsExactly(large, small, middle);
        assertThat(ids("search=" + marker + "&ordering=name")).containsExactly(middle, small, large);
        assertThat(ids("search=" + marker + "&ordering=createdAt")).containsExactly(small, large, middle);
        assertThat(ids("search=" + marker + "&ordering=-updatedAt")).containsExactly(middle, large, small);

        JsonNode page = admin.get("/api/opportunities/?search=" + marker + "&ordering=value&limit=2&page=2")
                .expect(200).json();
        assertThat(page.get("count").intValue()).isEqualTo(3);
        assertThat(page.get("results").findValuesAsString("id")).containsExactly(large);
        assertThat(page.get("previous").stringValue()).contains("ordering=value").contains("page=1");
        assertThat(page.get("next").isNull()).isTrue();
    }

    private List<String> ids(String query) {
        return admin.get("/api/opportunities/?limit=100&" + query).expect(200).json().get("results")
                .findValuesAsString("id");
    }
}
