package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.Api.Response;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Idempotency-Key} on POST: a retry gets the first answer again and creates nothing. */
class IdempotencyApiTest extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    private static Response post(Api as, String path, String body, String key) {
        return as.send(HttpMethod.POST, path, body, Map.of("Idempotency-Key", key));
    }

    private int contactsWithEmail(String email) {
        return admin.get("/api/contacts/?search=" + email).expect(200).json().get("count").intValue();
    }

    @Test
    void aRepeatAnswersTheFirstResponseAndCreatesNothing() {
        String email = Api.unique("idem") + "@example.com";
        String body = "{\"firstName\": \"Once\", \"email\": \"" + email + "\"}";
        String key = Api.unique("key");

        Response first = post(admin, "/api/contacts/", body, key).expect(201);
        Response again = post(admin, "/api/contacts/", body, key).expect(201);

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Content-Type")).startsWith("application/json");
        assertThat(contactsWithEmail(email)).isEqualTo(1);

        // Without a key, or with another one, it is a new request.
        post(admin, "/api/contacts/", body, Api.unique("key")).expect(201);
        admin.post("/api/contacts/", body).expect(201);
        assertThat(contactsWithEmail(email)).isEqualTo(3);
    }

    @Test
    void theSameKeyWithADifferentBodyIsA422() {
        String key = Api.unique("key");
        post(admin, "/api/contacts/", "{\"firstName\": \"A\", \"email\": \"a@example.com\"}", key).expect(201);

        Response answer = post(admin, "/api/contacts/", "{\"firstName\": \"B\", \"email\": \"b@example.com\"}", key)
                .expect(422);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("status").intValue()).isEqualTo(422);
        post(admin, "/api/users/", "{\"firstName\": \"A\", \"email\": \"a@example.com\"}", key).expect(422);
    }

    @Test
    void keysBelongToTheirUser() {
        String email = Api.unique("mine") + "@example.com";
        String body = "{\"firstName\": \"Mine\", \"email\": \"" + email + "\"}";
        String key = Api.unique("key");

        String one = post(newUser("member"), "/api/contacts/", body, key).expect(201).id();
        String two = post(newUser("member"), "/api/contacts/", body, key).expect(201).id();

        assertThat(one).isNotEqualTo(two);
        assertThat(contactsWithEmail(email)).isEqualTo(2);
    }

    @Test
    void racingRepeatsCreateOnceAndAllGetTheSameAnswer() throws Exception {
        String email = Api.unique("race") + "@example.com";
        String body = "{\"firstName\": \"Race\", \"email\": \"" + email + "\"}";
        String key = Api.unique("key");
        int requests = 8;

        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CompletableFuture<Void> start = new CompletableFuture<>();
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.join();
                    return post(admin, "/api/contacts/", body, key);
                }));
            }
            start.complete(null);
            List<String> ids = new ArrayList<>();
            for (Future<Response> answer : answers) {
                ids.add(answer.get().expect(201).id());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(contactsWithEmail(email)).isEqualTo(1);
    }

    @Test
    void aRepeatedTokenIssueShowsTheTokenAgainButTheTableNeverHoldsIt() {
        Api member = newUser("member");
        String path = "/api/users/" + member.userId() + "/tokens/";
        String key = Api.unique("key");

        Response first = post(member, path, null, key).expect(201);
        Response again = post(member, path, null, key).expect(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");

        String token = first.json().get("token").stringValue();
        byte[] stored = jdbc.queryForObject("SELECT body FROM idempotency.idempotency_key WHERE key = ?",
                byte[].class, key);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(token).doesNotContain("crm_");
        // Only the token that made the first request can open its answer.
        post(api.as(token), path, null, key).expect(409);
    }

    @Test
    void aRejectedRequestIsAnsweredTheSameWayAgainAndABadKeyIsA400() {
        String key = Api.unique("key");
        Response first = post(admin, "/api/contacts/", "{\"email\": \"nope\"}", key).expect(400);
        assertThat(post(admin, "/api/contacts/", "{\"email\": \"nope\"}", key).expect(400).body())
                .isEqualTo(first.body());

        post(admin, "/api/contacts/", "{}", "x".repeat(256)).expect(400);
        post(admin, "/api/contacts/", "{}", "two words").expect(400);
        post(newUser("auditor"), "/api/contacts/", "{}", Api.unique("key")).expect(403);
    }

    @Test
    void anExpiredKeyIsFreeForANewRequest() {
        String key = Api.unique("key");
        String first = post(admin, "/api/contacts/", "{\"firstName\": \"Old\", \"email\": \"old@example.com\"}", key)
                .expect(201).id();
        jdbc.update("UPDATE idempotency.idempotency_key SET expires_at = now() - interval '1 second' WHERE key = ?",
                key);

        String second = post(admin, "/api/contacts/", "{\"firstName\": \"New\", \"email\": \"new@example.com\"}",
                key).expect(201).id();
        assertThat(second).isNotEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency.idempotency_key WHERE key = ?",
                Integer.class, key)).isEqualTo(1);
    }
}
