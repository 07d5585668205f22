package dev.crm.app.support;

import dev.crm.app.CrmApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the API tests: the whole application on a random port, spoken to over real HTTP, on a real
 * PostgreSQL: the embedded one in a fresh directory ({@link TestDataDirectory}), or the server in
 * {@code CRM_TEST_DATABASE_URL} (user {@code CRM_TEST_DATABASE_USER}, default {@code postgres}). All API test
 * classes share one context, so each test makes its own data and never counts on a table being empty.
 */
@SpringBootTest(classes = CrmApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({FailingProjection.class, OtherInstanceWriter.class, TestDataDirectory.class})
public abstract class ApiTest {

    public static final String ADMIN_TOKEN = "crm_test_admin_token";
    public static final String TRUSTED_PROXY = "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1";

    @LocalServerPort
    private int port;

    protected Api api;
    protected Api admin;
    protected RawHttp raw;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = System.getenv("CRM_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username",
                    () -> System.getenv().getOrDefault("CRM_TEST_DATABASE_USER", "postgres"));
            registry.add("spring.datasource.password",
                    () -> System.getenv().getOrDefault("CRM_TEST_DATABASE_PASSWORD", ""));
        } else {
            registry.add("crm.data-dir", TestDataDirectory.PATH::toString);
        }
        registry.add("crm.admin-token", () -> ADMIN_TOKEN);
        // The tests' own client stands in for a proxy; ForwardedHeadersApiTest calls from 127.0.0.2, which is not one.
        registry.add("server.tomcat.remoteip.internal-proxies", () -> TRUSTED_PROXY);
    }

    @BeforeEach
    void clients() {
        api = new Api("http://localhost:" + port, null);
        admin = api.as(ADMIN_TOKEN);
        raw = new RawHttp(port);
    }

    protected int port() {
        return port;
    }

    /** A new user with the given role, and a client that calls as that user. */
    protected Api newUser(String role) {
        Api.Response created = admin.post("/api/users/", """
                {"firstName": "Test", "lastName": "%s", "email": "%s@example.com", "role": "%s"}"""
                .formatted(role, Api.unique("user"), role));
        created.expect(201);
        return api.as(created.json().get("token").stringValue()).withUserId(created.json().at("/user/id").stringValue());
    }

    /**
     * Rebuilds a projection through the admin API and waits until it is live again, looking every {@code poll}
     * for at most {@code within}; answers its status, whose last rebuild must have succeeded.
     */
    protected JsonNode rebuilt(String projection, Duration poll, Duration within) {
        JsonNode answer = admin.post("/api/admin/projections/" + projection + "/rebuild/", null).expect(202).json();
        assertThat(answer.get("name").stringValue()).isEqualTo(projection);
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            JsonNode status = projectionStatus(projection);
            if (status.get("state").stringValue().equals("live")) {
                assertThat(status.at("/lastRebuild/outcome").stringValue()).as("%s", status).isEqualTo("succeeded");
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited in vain for the rebuild of " + projection + ": " + status);
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** A projection's entry in {@code GET /api/admin/projections/}. */
    protected JsonNode projectionStatus(String projection) {
        for (JsonNode p : admin.get("/api/admin/projections/").expect(200).json().get("results")) {
            if (p.get("name").stringValue().equals(projection)) {
                return p;
            }
        }
        throw new AssertionError("no projection " + projection);
    }
}
