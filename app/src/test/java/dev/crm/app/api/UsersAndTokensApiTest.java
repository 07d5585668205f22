package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.Api.Response;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Users, tokens, roles and who-did-what metadata, over real HTTP. */
class UsersAndTokensApiTest extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void everyApiEndpointNeedsAValidBearerToken() {
        for (Response answer : List.of(api.get("/api/contacts/"), api.as("wrong").get("/api/contacts/"),
                api.send(HttpMethod.GET, "/api/users/me/", null, Map.of("Authorization", "Basic YTpi")),
                api.send(HttpMethod.GET, "/api/users/me/", null, Map.of("Authorization", "Bearer ")),
                api.post("/api/contacts/", "{}"))) {
            answer.expect(401);
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
        api.get("/actuator/health").expect(200);
    }

    @Test
    void adminCreatesAUserWhoseTokenWorksAndIsShownOnce() {
        String email = Api.unique("new") + "@example.com";
        Response created = admin.post("/api/users/", """
                {"firstName": "Alex", "lastName": "Johnson", "email": "%s", "role": "member"}""".formatted(email))
                .expect(201);

        JsonNode body = created.json();
        assertThat(body.get("id").stringValue()).startsWith("tok_");
        assertThat(body.get("token").stringValue()).startsWith("crm_");
        JsonNode user = body.get("user");
        assertThat(user.get("name").stringValue()).isEqualTo("Alex Johnson");
        assertThat(user.get("role").stringValue()).isEqualTo("member");
        assertThat(user.get("active").booleanValue()).isTrue();

        Api alex = api.as(body.get("token").stringValue());
        JsonNode me = alex.get("/api/users/me/").expect(200).json();
        assertThat(me).isEqualTo(user);
        assertThat(admin.get("/api/users/" + user.get("id").stringValue() + "/").expect(200).json()).isEqualTo(user);
        assertThat(admin.get("/api/users/?search=" + email).json().findValuesAsString("id"))
                .containsExactly(user.get("id").stringValue());
    }

    @Test
    void onlyTheHashOfATokenIsStored() {
        Response created = admin.post("/api/users/", """
                {"firstName": "Hash", "email": "%s@example.com"}""".formatted(Api.unique("hash"))).expect(201);
        String token = created.json().get("token").stringValue();

        Integer inEvents = jdbc.queryForObject("""
                SELECT count(*) FROM event_store.domain_event_entry
                 WHERE position(? in convert_from(payload, 'UTF8')) > 0""", Integer.class, token);
        Integer inReadModel = jdbc.queryForObject(
                "SELECT count(*) FROM read_model.api_token WHERE token_hash = ?", Integer.class, token);
        assertThat(inEvents).isZero();
        assertThat(inReadModel).isZero();
    }

    @Test
    void rolesDecideWhatACallerMayDo() {
        Api member = newUser("member");
        Api auditor = newUser("auditor");

        member.post("/api/users/", "{\"firstName\": \"X\", \"email\": \"x@example.com\"}").expect(403);
        member.patch("/api/users/" + member.userId() + "/", "{\"role\": \"admin\"}").expect(403);
        auditor.post("/api/contacts/", "{\"firstName\": \"X\", \"email\": \"x@example.com\"}").expect(403);
        String contact = member.post("/api/contacts/", "{\"firstName\": \"X\", \"email\": \"x@example.com\"}")
                .expect(201).id();
        auditor.get("/api/contacts/" + contact + "/").expect(200);
        auditor.patch("/api/contacts/" + contact + "/", "{\"title\": \"no\"}").expect(403);
        auditor.delete("/api/contacts/" + contact + "/").expect(403);
        auditor.get("/api/users/").expect(200);

        Response forbidden = auditor.post("/api/contacts/", "{}");
        assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
        assertThat(forbidden.json().get("status").intValue()).isEqualTo(403);
    }

    @Test
    void aUserManagesItsOwnTokensAndNobodyElses() {
        Api member = newUser("member");
        Api other = newUser("member");

        Response issued = member.post("/api/users/" + member.userId() + "/tokens/", null).expect(201);
        Api second = api.as(issued.json().get("token").stringValue());
        second.get("/api/users/me/").expect(200);

        other.post("/api/users/" + member.userId() + "/tokens/", null).expect(403);
        other.delete("/api/users/" + member.userId() + "/tokens/" + issued.id() + "/").expect(403);

        member.delete("/api/users/" + member.userId() + "/tokens/" + issued.id() + "/").expect(204);
        second.get("/api/users/me/").expect(401);
        member.get("/api/users/me/").expect(200);
        admin.delete("/api/users/" + member.userId() + "/tokens/" + issued.id() + "/").expect(404);
        admin.delete("/api/users/" + member.userId() + "/tokens/tok_bad/").expect(404);
    }

    @Test
    void deactivationRevokesTheUsersTokensForGood() {
        Api member = newUser("member");
        String path = "/api/users/" + member.userId() + "/";

        assertThat(admin.patch(path, "{\"active\": false}").expect(200).json().get("active").booleanValue()).isFalse();
        member.get("/api/contacts/").expect(401);
        admin.post(path + "tokens/", null).expect(409);

        admin.patch(path, "{\"active\": true}").expect(200);
        member.get("/api/contacts/").expect(401);
        String fresh = admin.post(path + "tokens/", null).expect(201).json().get("token").stringValue();
        member.as(fresh).get("/api/contacts/").expect(200);
    }

    @Test
    void userRequestsAreValidated() {
        Response answer = admin.post("/api/users/", "{\"email\": \"nope\", \"role\": \"boss\", \"name\": \"X\"}")
                .expect(400);
        assertThat(ContactsApiTest.errorFields(answer)).containsExactlyInAnyOrder("email", "role", "name", "firstName");
        assertThat(ContactsApiTest.errorMessage(answer, "role")).contains("admin, member, auditor");
        admin.get("/api/users/usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V/").expect(404);
        admin.get("/api/users/?role=boss").expect(400);
    }

    @Test
    void everyEventRecordsWhoCausedItAndInWhichRequest() {
        Api member = newUser("member");
        Response created = member.send(HttpMethod.POST, "/api/contacts/",
                "{\"firstName\": \"Meta\", \"email\": \"meta@example.com\"}", Map.of("X-Request-Id", "req-meta-1"))
                .expect(201);
        assertThat(created.header("X-Request-Id")).isEqualTo("req-meta-1");

        String metadata = jdbc.queryForObject("""
                SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry
                 WHERE aggregate_identifier = ?""", String.class, created.id());
        assertThat(metadata).contains("\"actorId\":\"" + member.userId() + "\"")
                .contains("\"actorName\":\"Test member\"")
                .contains("\"requestId\":\"req-meta-1\"");
    }
}
