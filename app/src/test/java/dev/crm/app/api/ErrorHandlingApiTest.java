package dev.crm.app.api;

import dev.crm.app.support.Api.Response;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a client sends, the answer is a problem+json 4xx without anything of the inside. */
class ErrorHandlingApiTest extends ApiTest {

    @Test
    void unknownPathsAre404Problems() {
        for (Response answer : List.of(admin.get("/api/nothing/"), admin.get("/nothing"),
                admin.get("/api/contacts/cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V/nothing/"))) {
            answer.expect(404);
            assertProblem(answer);
        }
    }

    @Test
    void badRequestsAreClientErrorsWithoutInternals() {
        assertProblem(admin.send(HttpMethod.POST, "/api/contacts/", "{\"firstName\": ", Map.of()).expect(400));
        assertProblem(admin.send(HttpMethod.POST, "/api/contacts/", "{\"email\": \"a@b.co\", \"email\": 1}", Map.of()));
        assertProblem(admin.send(HttpMethod.PUT, "/api/contacts/", "{}", Map.of()).expect(405));
        assertProblem(admin.send(HttpMethod.POST, "/api/contacts/", null, Map.of()).expect(400));
        assertProblem(admin.send(HttpMethod.POST, "/api/contacts/", "x", Map.of("Content-Type", "text/plain"))
                .expect(415));
        assertProblem(admin.send(HttpMethod.GET, "/api/contacts/?page=99999999999999999999", null, Map.of())
                .expect(400));
        assertProblem(admin.send(HttpMethod.PATCH, "/api/contacts/cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V/",
                "{\"title\": \"x\"}", Map.of("If-Match", "garbage")));
    }

    @Test
    void bodiesOverOneMegabyteAre413() throws IOException, InterruptedException {
        String big = "{\"notes\": \"" + "a".repeat(1_100_000) + "\"}";
        assertProblem(admin.post("/api/contacts/", big).expect(413));

        // Without a Content-Length (chunked), the limit applies while reading.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/contacts/"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
    }

    @Test
    void openApiAndHealthNeedNoToken() {
        api.get("/v3/api-docs").expect(200);
        api.get("/actuator/health").expect(200);
    }

    private String baseUrl() {
        return api.baseUrl();
    }

    private static void assertProblem(Response answer) {
        assertThat(answer.status()).isBetween(400, 499);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("status").intValue()).isEqualTo(answer.status());
        assertThat(answer.json().has("title")).isTrue();
        assertThat(answer.body()).doesNotContainIgnoringCase("exception")
                .doesNotContain("at dev.crm").doesNotContain("at org.")
                .doesNotContainIgnoringCase("select ").doesNotContain("dev.crm.");
    }
}
