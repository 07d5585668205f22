package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/prometheus}: for admins only, with the server's and the product's meters. */
class MetricsApiTest extends ApiTest {

    @Test
    void onlyAnAdminMayScrape() {
        api.get("/actuator/prometheus").expect(401);
        newUser("member").get("/actuator/prometheus").expect(403);
        newUser("auditor").get("/actuator/prometheus").expect(403);
    }

    @Test
    void aScrapeHasTheServersAndTheProductsMeters() {
        double appendedBefore = value(scrape(), "eventStore_successCounter_total{payloadType=\"ContactCreated\"}");
        admin.post("/api/contacts/", """
                {"lastName": "Metered", "email": "%s@example.com"}""".formatted(Api.unique("metered"))).expect(201);

        Api.Response scrape = admin.get("/actuator/prometheus").expect(200);
        assertThat(scrape.header("Content-Type")).startsWith("text/plain");
        String metrics = scrape.body();
        assertThat(metrics).contains(
                // the server: HTTP timings, JVM, the connection pool
                "http_server_requests_seconds_count{", "uri=\"/api/contacts\"",
                "jvm_memory_used_bytes{", "jvm_gc_pause_seconds", "process_cpu_usage",
                "hikaricp_connections_active{", "hikaricp_connections_acquire_seconds",
                // Axon's monitors: command handling per command, queries, processors
                "commandBus_successTimer_seconds_count{payloadType=\"CreateContact\"}",
                "commandBus_failureCounter_total{payloadType=\"CreateContact\"}",
                "queryBus_successTimer_seconds_count{payloadType=",
                "eventProcessor_successTimer_seconds_count{processorName=\"contacts\"}",
                "eventProcessor_latency{processorName=\"lead-funnel\"}",
                // ours: the store's head, each streaming processor's position and lag, dead letters, rebuilds
                "crm_events_head ",
                "crm_processor_position{processor=\"lead-funnel\"}",
                "crm_processor_lag_events{processor=\"stage-durations\"}",
                "crm_dead_letters_events{processor=\"stage-durations\"}",
                "crm_rebuild_step{projection=\"contacts\"}",
                "crm_rebuilds_seconds_count{outcome=\"succeeded\",projection=\"contacts\"}");
        assertThat(value(metrics, "eventStore_successCounter_total{payloadType=\"ContactCreated\"}"))
                .as("contacts created, as the event store counts them").isGreaterThanOrEqualTo(appendedBefore + 1);
        assertThat(value(metrics, "crm_events_head")).isPositive();
        assertThat(metrics).doesNotContain("eventProcessor_capacity", "commandBus_capacity",
                        "eventProcessor_latency{processorName=\"contacts\"}", // handled in the write itself
                        "eventProcessor_successTimer_seconds{processorName=\"contacts\",quantile=")
                .contains("commandBus_successTimer_seconds{payloadType=\"CreateContact\",quantile=\"0.99\"}");
    }

    private String scrape() {
        return admin.get("/actuator/prometheus").expect(200).body();
    }

    /** The value of the series with exactly this name and these labels; 0 when it is not there yet. */
    private static double value(String metrics, String series) {
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
