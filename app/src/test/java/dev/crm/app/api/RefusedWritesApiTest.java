package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import dev.crm.app.support.RawHttp.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write that is refused is refused before its command runs: whatever makes the answer an error (an
 * Accept the API cannot answer, a body it cannot read) leaves the event store as it was, so a client that
 * retries never creates a duplicate.
 */
class RefusedWritesApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    private record Write(HttpMethod method, String path, String body) {
    }

    @Test
    void everyWriteEndpointRefusesAnUnanswerableAcceptOrAnUnreadableBodyBeforeItChangesAnything() {
        List<Write> writes = writes();
        for (Write write : writes) {
            for (String accept : List.of("application/xml", "text/html", "text/csv", "application/problem+xml")) {
                assertRefused(write, Map.of("Accept", accept), 406);
            }
            for (String contentType : List.of("text/plain", "application/xml", "*/*", "application/*", "garbage",
                    "application/x-www-form-urlencoded")) {
                assertRefused(write, Map.of("Content-Type", contentType), 415);
            }
        }
        // What the API can answer still works on every one of them (the order keeps each valid when it runs).
        for (Write write : writes) {
            admin.send(write.method(), write.path(), write.body(),
                    Map.of("Accept", "application/json, text/plain;q=0.5")).expectAny(200, 201);
        }
    }

    /** Sent raw: a regular client refuses to send a Content-Type such as {@code garbage}. */
    private void assertRefused(Write write, Map<String, String> headers, int status) {
        long eventsBefore = events();
        StringBuilder head = new StringBuilder(write.method() + " " + write.path() + " HTTP/1.1\r\nHost: localhost"
                + "\r\nAuthorization: Bearer " + ADMIN_TOKEN);
        Map<String, String> all = new java.util.LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        all.putAll(headers);
        all.forEach((name, value) -> head.append("\r\n").append(name).append(": ").append(value));
        Answer answer = raw.send(head.toString(), write.body().getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).as("%s %s with %s", write.method(), write.path(), headers).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("Location")).isNull();
        assertThat(events()).as("events after %s %s with %s", write.method(), write.path(), headers)
                .isEqualTo(eventsBefore);
    }

    private List<Write> writes() {
        String account = admin.post("/api/accounts/", "{\"name\": \"Refusals\"}").expect(201).id();
        String contact = admin.post("/api/contacts/", "{\"firstName\": \"Refused\", \"email\": \"%s@example.com\"}"
                .formatted(Api.unique("refused"))).expect(201).id();
        String lead = admin.post("/api/leads/", "{\"firstName\": \"Refused\", \"email\": \"%s@example.com\"}"
                .formatted(Api.unique("refused"))).expect(201).id();
        String opportunity = admin.post("/api/opportunities/", "{\"name\": \"Refused deal\"}").expect(201).id();
        String note = admin.post("/api/contacts/" + contact + "/notes/", "{\"body\": \"n\"}").expect(201).id();
        String task = admin.post("/api/tasks/", "{\"title\": \"Refused task\"}").expect(201).id();
        String user = newUser("member").userId();
        return List.of(
                new Write(HttpMethod.POST, "/api/contacts/", "{\"firstName\": \"X\", \"email\": \"%s@example.com\"}"
                        .formatted(Api.unique("refused"))),
                new Write(HttpMethod.PATCH, "/api/contacts/" + contact + "/", "{\"stage\": \"engaged\"}"),
                new Write(HttpMethod.POST, "/api/leads/", "{\"lastName\": \"X\", \"email\": \"%s@example.com\"}"
                        .formatted(Api.unique("refused"))),
                new Write(HttpMethod.PATCH, "/api/leads/" + lead + "/", "{\"status\": \"contacted\"}"),
                new Write(HttpMethod.POST, "/api/accounts/", "{\"name\": \"Refused account\"}"),
                new Write(HttpMethod.PATCH, "/api/accounts/" + account + "/", "{\"industry\": \"Tools\"}"),
                new Write(HttpMethod.POST, "/api/opportunities/", "{\"name\": \"X\"}"),
                new Write(HttpMethod.PATCH, "/api/opportunities/" + opportunity + "/", "{\"value\": 5}"),
                new Write(HttpMethod.POST, "/api/contacts/" + contact + "/notes/", "{\"body\": \"x\"}"),
                new Write(HttpMethod.PATCH, "/api/notes/" + note + "/", "{\"body\": \"y\"}"),
                new Write(HttpMethod.POST, "/api/tasks/", "{\"title\": \"X\"}"),
                new Write(HttpMethod.PATCH, "/api/tasks/" + task + "/", "{\"status\": \"done\"}"),
                new Write(HttpMethod.POST, "/api/users/", "{\"lastName\": \"X\", \"email\": \"%s@example.com\"}"
                        .formatted(Api.unique("refused"))),
                new Write(HttpMethod.PATCH, "/api/users/" + user + "/", "{\"firstName\": \"Renamed\"}"),
                new Write(HttpMethod.POST, "/api/users/" + user + "/tokens/", "{}"),
                new Write(HttpMethod.POST, "/api/leads/" + lead + "/convert/", "{\"createAccount\": true, \"accountName\": \"Refused Co\"}"));
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
    }
}
