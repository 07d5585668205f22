package dev.crm.app.process;

import dev.crm.app.support.ProcessTestDatabase;
import dev.crm.app.support.ServerProcess;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two servers on one database, as behind a load balancer. Each keeps its own cache of token owners, so
 * this proves what must hold across instances: a write on one is read on the other right away, and a token
 * revoked (or a user deactivated) on one stops working on the other at once, though the other had the token
 * in its cache a moment before (within the milliseconds a NOTIFY takes).
 */
class TwoInstancesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void writesAreReadAndRevocationsHeldOnTheOtherInstanceAtOnce() throws Exception {
        try (ProcessTestDatabase database = ProcessTestDatabase.start()) {
            Map<String, String> environment = Map.of(
                    "SPRING_DATASOURCE_URL", database.jdbcUrl(database.host(), database.port()),
                    "SPRING_DATASOURCE_USERNAME", database.user(),
                    "SPRING_DATASOURCE_PASSWORD", database.password());
            try (ServerProcess one = ServerProcess.start("two-instances-one", environment);
                 ServerProcess two = ServerProcess.start("two-instances-two", environment)) {
                String admin = ServerProcess.ADMIN_TOKEN;
                JsonNode created = JSON.readTree(send(one, "POST", "/api/users/", admin,
                        "{\"lastName\": \"Twice\", \"email\": \"twice@example.com\", \"role\": \"member\"}", 201));
                String userId = created.at("/user/id").stringValue();
                String member = created.get("token").stringValue();
                String tokenId = created.get("id").stringValue();

                String contact = JSON.readTree(send(one, "POST", "/api/contacts/", member,
                        "{\"lastName\": \"Seen\", \"email\": \"seen@example.com\"}", 201)).get("id").stringValue();
                send(two, "GET", "/api/contacts/" + contact + "/", member, null, 200);

                send(one, "DELETE", "/api/users/" + userId + "/tokens/" + tokenId + "/", admin, null, 204);
                assertRefusedWithinMilliseconds(two, member);

                String second = JSON.readTree(send(one, "POST", "/api/users/" + userId + "/tokens/", admin, null,
                        201)).get("token").stringValue();
                send(two, "GET", "/api/users/me/", second, null, 200);
                send(one, "PATCH", "/api/users/" + userId + "/", admin, "{\"active\": false}", 200);
                assertRefusedWithinMilliseconds(two, second);
            }
        }
    }

    /**
     * The other instance hears of the change through PostgreSQL's NOTIFY, sent at the commit, before the
     * revoking request is even answered: its next request is refused, or one within milliseconds.
     */
    private void assertRefusedWithinMilliseconds(ServerProcess server, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMillis(200).toNanos();
        int status;
        do {
            status = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/users/me/"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } while (status != 401 && System.nanoTime() < deadline);
        assertThat(status).as("a revoked token on the other instance").isEqualTo(401);
    }

    private String send(ServerProcess server, String method, String path, String token, String json, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s on %s: %s", method, path, server.url(), response.body())
                .isEqualTo(expected);
        return response.body();
    }
}
