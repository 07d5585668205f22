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
import static org.assertj.core.api.Assertions.assertThat;

/** The Accounts API, over real HTTP. */
class AccountsApiTest extends ApiTest {

    private Response create(String json) {
        return admin.post("/api/accounts/", json);
    }

    private String account(String name, String... tags) {
        return create("{\"name\": \"%s\", \"tags\": [%s]}".formatted(name, quoted(tags))).expect(201).id();
    }

    @Test
    void createAnswers201WithTheFullAccountItsLocationAndVersion() {
        Api member = newUser("member");
        Response created = member.post("/api/accounts/", """
                {"name": " Acme Corp ", "domain": "acme.com", "industry": "Manufacturing", "phone": "+15551234567",
                 "assignedTo": "%s", "tags": ["enterprise", "emea", "enterprise"], "notes": "Key account"}"""
                .formatted(member.userId())).expect(201);

        JsonNode account = created.json();
        assertThat(account.get("id").stringValue()).matches("acc_[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(account.get("name").stringValue()).isEqualTo("Acme Corp");
        assertThat(account.get("domain").stringValue()).isEqualTo("acme.com");
        assertThat(account.get("industry").stringValue()).isEqualTo("Manufacturing");
        assertThat(account.get("phone").stringValue()).isEqualTo("+15551234567");
        assertThat(account.get("assignedTo").stringValue()).isEqualTo(member.userId());
        assertThat(account.get("assignedToName").stringValue()).isEqualTo("Test member");
        assertThat(account.get("tags").toString()).isEqualTo("[\"enterprise\",\"emea\"]");
        assertThat(account.get("notes").stringValue()).isEqualTo("Key account");
        assertThat(account.get("contactCount").intValue()).isZero();
        assertThat(account.get("createdAt").stringValue()).endsWith("Z").isEqualTo(account.get("updatedAt").stringValue());
        assertThat(new ArrayList<>(account.propertyNames())).containsExactlyInAnyOrder("id", "name", "domain",
                "industry", "phone", "assignedTo", "assignedToName", "tags", "notes", "contactCount", "createdAt",
                "updatedAt");
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("Location")).endsWith("/api/accounts/" + created.id() + "/");

        assertThat(member.get("/api/accounts/" + created.id() + "/").expect(200).json()).isEqualTo(account);
        assertThat(member.get("/api/accounts/" + created.id()).expect(200).json()).isEqualTo(account);
    }

    @Test
    void createListsEveryInvalidFieldAndStoresNothing() {
        String tag = Api.unique("invalid");
        Response answer = create("""
                {"name": "%s", "phone": "555-1234", "tags": ["%s", ""], "assignedTo": "usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V",
                 "domain": 5, "notes": "%s", "contactCount": 3, "id": "acc_x", "colour": "red"}"""
                .formatted("x".repeat(201), tag, "n".repeat(10_001))).expect(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(errorFields(answer)).containsExactlyInAnyOrder("name", "phone", "tags", "assignedTo", "domain",
                "notes", "contactCount", "id", "colour");
        assertThat(admin.get("/api/accounts/?tags=" + tag).json().get("count").intValue()).isZero();

        assertThat(errorFields(create("{\"domain\": \"acme.com\"}").expect(400))).containsExactly("name");
        assertThat(errorFields(create("{\"name\": \"Ref\", \"assignedTo\": \"bob\"}").expect(400)))
                .containsExactly("assignedTo");
    }

    @Test
    void patchChangesOnlyTheFieldsItNamesAndBumpsTheVersion() {
        Api member = newUser("member");
        Response created = create("""
                {"name": "Globex", "domain": "globex.com", "industry": "Energy", "tags": ["a"]}""").expect(201);
        String path = "/api/accounts/" + created.id() + "/";

        Response patched = admin.patch(path, """
                {"name": "Globex Corp", "industry": null, "assignedTo": "%s", "tags": ["a", "b"]}"""
                .formatted(member.userId())).expect(200);
        JsonNode account = patched.json();
        assertThat(account.get("name").stringValue()).isEqualTo("Globex Corp");
        assertThat(account.get("industry").isNull()).isTrue();
        assertThat(account.get("domain").stringValue()).isEqualTo("globex.com");
        assertThat(account.get("assignedTo").stringValue()).isEqualTo(member.userId());
        assertThat(account.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        // details, owner and tags: three events after the creation
        assertThat(patched.header("ETag")).isEqualTo("\"4\"");
        assertThat(admin.get(path).json()).isEqualTo(account);

        Response same = admin.patch(path, "{\"name\": \"Globex Corp\", \"tags\": [\"a\", \"b\"]}").expect(200);
        assertThat(same.header("ETag")).isEqualTo("\"4\"");
        assertThat(same.json().get("updatedAt")).isEqualTo(account.get("updatedAt"));
    }

    @Test
    void patchRejectsInvalidValuesAndChangesNothing() {
        Response created = create("{\"name\": \"Keep\"}").expect(201);
        String path = "/api/accounts/" + created.id() + "/";
        Response answer = admin.patch(path, """
                {"name": null, "phone": "x", "contactCount": 1, "assignedToName": "Bob", "updatedAt": "2025-01-01"}""")
                .expect(400);
        assertThat(errorFields(answer)).containsExactlyInAnyOrder("name", "phone", "contactCount", "assignedToName",
                "updatedAt");
        admin.patch(path, "{\"name\": \"  \"}").expect(400);
        assertThat(admin.get(path).json()).isEqualTo(created.json());
    }

    @Test
    void ifMatchWithAStaleVersionAnswers412AndChangesNothing() {
        String path = "/api/accounts/" + account("Versioned") + "/";
        admin.send(HttpMethod.PATCH, path, "{\"domain\": \"first.com\"}", Map.of("If-Match", "\"1\"")).expect(200);
        admin.send(HttpMethod.PATCH, path, "{\"domain\": \"second.com\"}", Map.of("If-Match", "\"1\"")).expect(412);
        admin.send(HttpMethod.DELETE, path, null, Map.of("If-Match", "\"1\"")).expect(412);
        assertThat(admin.get(path).json().get("domain").stringValue()).isEqualTo("first.com");
        admin.send(HttpMethod.DELETE, path, null, Map.of("If-Match", "\"2\"")).expect(204);
    }

    @Test
    void deleteRemovesTheAccount() {
        String id = account("Gone");
        String path = "/api/accounts/" + id + "/";
        admin.delete(path).expect(204);
        admin.get(path).expect(404);
        admin.delete(path).expect(404);
        admin.patch(path, "{\"name\": \"Ghost\"}").expect(404);
        // a deleted account can no longer be referred to
        assertThat(errorFields(admin.post("/api/contacts/", """
                {"firstName": "Late", "email": "late@example.com", "accountId": "%s"}""".formatted(id))
                .expect(400))).containsExactly("accountId");
    }

    @Test
    void anAuditorReadsButCannotWrite() {
        Api auditor = newUser("auditor");
        String id = create("{\"name\": \"Readable\"}").expect(201).id();
        String path = "/api/accounts/" + id + "/";
        auditor.get(path).expect(200);
        auditor.get("/api/accounts/").expect(200);
        auditor.post("/api/accounts/", "{\"name\": \"Readable\"}").expect(403);
        auditor.patch(path, "{\"name\": \"No\"}").expect(403);
        auditor.delete(path).expect(403);
        api.get(path).expect(401);
    }

    @Test
    void unknownOrMalformedIdsAre404() {
        admin.get("/api/accounts/acc_01JD3Q8W6Y0T7K2M4N5P6R7S8V/").expect(404);
        admin.get("/api/accounts/cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V/").expect(404);
        admin.get("/api/accounts/not-an-id/").expect(404);
        admin.patch("/api/accounts/acc_nope/", "{}").expect(404);
        admin.patch("/api/accounts/acc_01JD3Q8W6Y0T7K2M4N5P6R7S8V/", "{\"name\": \"x\"}").expect(404);
        admin.delete("/api/accounts/acc_01JD3Q8W6Y0T7K2M4N5P6R7S8V/").expect(404);
    }

    @Test
    void contactCountAndContactsAccountNameFollowTheAccount() {
        String id = account("Initech");
        String path = "/api/accounts/" + id + "/";
        String first = contact("Peter", id);
        contact("Milton", id);
        assertThat(admin.get(path).json().get("contactCount").intValue()).isEqualTo(2);
        assertThat(admin.get("/api/contacts/" + first + "/").json().get("accountName").stringValue())
                .isEqualTo("Initech");

        admin.patch(path, "{\"name\": \"Initech Inc\"}").expect(200);
        assertThat(admin.get("/api/contacts/" + first + "/").json().get("accountName").stringValue())
                .isEqualTo("Initech Inc");

        admin.patch("/api/contacts/" + first + "/", "{\"accountId\": null}").expect(200);
        assertThat(admin.get(path).json().get("contactCount").intValue()).isEqualTo(1);
    }

    @Test
    void anAccountWithContactsOrOpenOpportunitiesCannotBeDeleted() {
        String id = account("Busy");
        String path = "/api/accounts/" + id + "/";
        String contact = contact("Linked", id);

        Response refused = admin.delete(path).expect(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").stringValue()).contains("1 contact");
        admin.get(path).expect(200);
        assertThat(admin.get(path).header("ETag")).isEqualTo("\"1\"");

        admin.delete("/api/contacts/" + contact + "/").expect(204);
        String opportunity = admin.post("/api/opportunities/", """
                {"name": "Open deal", "accountId": "%s", "stage": "negotiation"}""".formatted(id)).expect(201).id();
        admin.delete(path).expect(409);

        admin.patch("/api/opportunities/" + opportunity + "/", "{\"stage\": \"closed_lost\"}").expect(200);
        admin.delete(path).expect(204);
        admin.get(path).expect(404);
    }

    @Test
    void listFiltersBySearchOwnerDatesAndTags() {
        Api owner = newUser("member");
        String tag = Api.unique("filter");
        String marker = Api.unique("zq");
        String a = create("""
                {"name": "Alpha %s", "domain": "alpha.com", "assignedTo": "%s", "tags": ["%s", "vip"]}"""
                .formatted(marker, owner.userId(), tag)).expect(201).id();
        String b = create("""
                {"name": "Beta", "domain": "beta-%s.io", "tags": ["%s"]}""".formatted(marker, tag)).expect(201).id();
        String c = create("""
                {"name": "Gamma", "domain": "gamma.com", "assignedTo": "%s", "tags": ["%s", "vip"]}"""
                .formatted(owner.userId(), tag)).expect(201).id();
        String cCreatedAt = admin.get("/api/accounts/" + c + "/").json().get("createdAt").stringValue();

        assertThat(ids("tags=" + tag)).containsExactly(c, b, a);
        assertThat(ids("tags=" + tag + ",vip")).containsExactly(c, a);
        assertThat(ids("tags=" + tag + "&assignedTo=" + owner.userId())).containsExactly(c, a);
        assertThat(ids("tags=" + tag + "&search=" + marker.toUpperCase())).containsExactly(b, a);
        assertThat(ids("tags=" + tag + "&search=GAMMA.C")).containsExactly(c);
        assertThat(ids("tags=" + tag + "&search=100%25")).isEmpty();
        assertThat(ids("tags=" + tag + "&createdBefore=" + cCreatedAt)).containsExactly(b, a);
        assertThat(ids("tags=" + tag + "&createdAfter=" + cCreatedAt)).isEmpty();
        assertThat(ids("tags=" + tag + "&createdAfter=2000-01-01&createdBefore=2999-12-31")).containsExactly(c, b, a);
        assertThat(ids("tags=" + tag + "&assignedTo=" + owner.userId() + "&search=alpha")).containsExactly(a);
    }

    @Test
    void listOrdersByCreatedAtUpdatedAtOrName() {
        String tag = Api.unique("order");
        String zed = account("zed", tag);
        String amy = account("Amy", tag);
        String max = account("max", tag);
        admin.patch("/api/accounts/" + zed + "/", "{\"domain\": \"zed.com\"}").expect(200);

        assertThat(ids("tags=" + tag + "&ordering=name")).containsExactly(amy, max, zed);
        assertThat(ids("tags=" + tag + "&ordering=-name")).containsExactly(zed, max, amy);
        assertThat(ids("tags=" + tag + "&ordering=createdAt")).containsExactly(zed, amy, max);
        assertThat(ids("tags=" + tag + "&ordering=-updatedAt")).containsExactly(zed, max, amy);
        assertThat(errorFields(admin.get("/api/accounts/?ordering=email").expect(400))).containsExactly("ordering");
    }

    @Test
    void listPagesWithLinksAndRejectsBadParametersAllAtOnce() {
        String tag = Api.unique("page");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(0, account("Pager " + i, tag));
        }
        JsonNode page1 = admin.get("/api/accounts/?tags=" + tag + "&limit=2").expect(200).json();
        assertThat(page1.get("count").intValue()).isEqualTo(3);
        assertThat(page1.get("previous").isNull()).isTrue();
        assertThat(page1.get("next").stringValue()).contains("/api/accounts/?").contains("tags=" + tag)
                .contains("page=2");
        assertThat(page1.get("results").findValuesAsString("id")).containsExactlyElementsOf(created.subList(0, 2));
        JsonNode page2 = admin.get("/api/accounts/?tags=" + tag + "&limit=2&page=2").expect(200).json();
        assertThat(page2.get("results").findValuesAsString("id")).containsExactly(created.get(2));
        assertThat(page2.get("next").isNull()).isTrue();

        Response answer = admin.get("/api/accounts/?page=0&limit=x&ordering=value&createdAfter=soon"
                + "&createdBefore=2025-02-30&assignedTo=bob").expect(400);
        assertThat(errorFields(answer)).containsExactlyInAnyOrder("page", "limit", "ordering", "createdAfter",
                "createdBefore", "assignedTo");
    }

    private String contact(String firstName, String accountId) {
        return admin.post("/api/contacts/", """
                {"firstName": "%s", "email": "%s@example.com", "accountId": "%s"}"""
                .formatted(firstName, Api.unique("c"), accountId)).expect(201).id();
    }

    private List<String> ids(String query) {
        return admin.get("/api/accounts/?limit=100&" + query).expect(200).json().get("results")
                .findValuesAsString("id");
    }

    private static String quoted(String... values) {
        return String.join(",", java.util.Arrays.stream(values).map(v -> "\"" + v + "\"").toList());
    }
}
