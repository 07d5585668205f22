package dev.crm.app.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A small HTTP client for the API tests: real requests, answers kept whatever their status. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime() % 1_000_000);

    private final String baseUrl;
    private final String token;
    private final String userId;
    private final RestClient client;

    Api(String baseUrl, String token) {
        this(baseUrl, token, null);
    }

    private Api(String baseUrl, String token, String userId) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.userId = userId;
        this.client = RestClient.builder().baseUrl(baseUrl).build();
    }

    public Api as(String token) {
        return new Api(baseUrl, token, null);
    }

    Api withUserId(String id) {
        return new Api(baseUrl, token, id);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The id of the user this client calls as (for clients made by {@link ApiTest#newUser}). */
    public String userId() {
        return userId;
    }

    /** A value no other test run uses, for unique names, emails and tags. */
    public static String unique(String prefix) {
        return prefix + Long.toString(COUNTER.incrementAndGet(), 36) + Long.toString(System.currentTimeMillis(), 36);
    }

    public Response get(String path) {
        return send(HttpMethod.GET, path, null, Map.of());
    }

    public Response post(String path, String json) {
        return send(HttpMethod.POST, path, json, Map.of());
    }

    public Response patch(String path, String json) {
        return send(HttpMethod.PATCH, path, json, Map.of());
    }

    public Response delete(String path) {
        return send(HttpMethod.DELETE, path, null, Map.of());
    }

    public Response send(HttpMethod method, String path, String body, Map<String, String> headers) {
        // URI.create: the path and query are sent exactly as written (already encoded where needed).
        RestClient.RequestBodySpec request = client.method(method).uri(URI.create(baseUrl + path));
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body != null) {
            if (!headers.containsKey("Content-Type")) {
                request.contentType(MediaType.APPLICATION_JSON);
            }
            request.body(body.getBytes(StandardCharsets.UTF_8));
        }
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            res.getHeaders().forEach((name, values) -> responseHeaders.put(name.toLowerCase(), String.join(",", values)));
            return new Response(res.getStatusCode().value(), responseHeaders, new String(bytes, StandardCharsets.UTF_8));
        });
    }

    public record Response(int status, Map<String, String> headers, String body) {

        public JsonNode json() {
            return body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** Asserts the status, showing the body when it differs. */
        public Response expect(int expected) {
            assertThat(status).as("status of a response with body %s", body).isEqualTo(expected);
            return this;
        }

        /** Asserts that the status is one of {@code expected}. */
        public Response expectAny(Integer... expected) {
            assertThat(status).as("status of a response with body %s", body).isIn((Object[]) expected);
            return this;
        }

        public String id() {
            return json().get("id").stringValue();
        }
    }
}
