package dev.crm.app.process;

import dev.crm.app.support.ProcessTestDatabase;
import dev.crm.app.support.ServerProcess;
import dev.crm.app.support.TcpProxy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server, run as its users run it, loses its database under write load: the connection goes through a
 * proxy that the test cuts for six seconds and then restores. While the database is away every API request
 * answers 503 problem+json with {@code Retry-After} within a second, health and readiness answer 503 within
 * a second, and a flood of requests does not pile up; once it is back, the server recovers by itself within
 * five seconds, every acknowledged write is there and the report processors have caught up.
 */
class DatabaseOutageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration OUTAGE = Duration.ofSeconds(6);
    private static final long SECOND = 1_000_000_000L;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One request: when its answer came ({@code at}, nanoTime), how long it took, and what it said. */
    private record Sent(long at, long nanos, int status, String retryAfter, String contentType, String body) {

        String id() {
            return status == 201 ? JSON.readTree(body).get("id").stringValue() : null;
        }
    }

    @Test
    void duringAnOutageEveryRequestAnswers503FastAndTheServerRecoversByItself() throws Exception {
        try (ProcessTestDatabase database = ProcessTestDatabase.start();
             TcpProxy proxy = new TcpProxy(database.host(), database.port());
             ServerProcess server = ServerProcess.start("database-outage", Map.of(
                     "SPRING_DATASOURCE_URL", database.jdbcUrl("127.0.0.1", proxy.port()),
                     "SPRING_DATASOURCE_USERNAME", database.user(),
                     "SPRING_DATASOURCE_PASSWORD", database.password()))) {
            String base = server.url();
            ConcurrentLinkedQueue<Sent> writes = new ConcurrentLinkedQueue<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                writers.submit(() -> {
                    while (writing.get()) {
                        writes.add(send(post(base + "/api/contacts/", "{\"lastName\": \"Outage\", \"email\": \"o"
                                + System.nanoTime() + "@example.com\"}")));
                    }
                    return null;
                });
            }
            // at least 2 s of writes, and on a slow machine until some were acknowledged before the cut
            Thread.sleep(2_000);
            for (long giveUp = System.nanoTime() + 60 * SECOND; writes.stream().filter(s -> s.status() == 201)
                    .count() < 20 && System.nanoTime() < giveUp; ) {
                Thread.sleep(100);
            }

            proxy.cut();
            long cutAt = System.nanoTime();
            Thread.sleep(1_000);
            List<Sent> health = new ArrayList<>();
            List<Sent> flood = new ArrayList<>();
            while (System.nanoTime() - cutAt < OUTAGE.toNanos() - SECOND) {
                health.add(send(get(base + "/actuator/health")));
                health.add(send(get(base + "/actuator/health/readiness")));
                if (flood.isEmpty()) {
                    flood.addAll(flood(base, 200));
                }
                Thread.sleep(200);
            }
            Thread.sleep(Math.max(0, (cutAt + OUTAGE.toNanos() - System.nanoTime()) / 1_000_000));
            proxy.restore();
            long restoredAt = System.nanoTime();

            long writeRecovered = awaitSince(restoredAt, writes, 201);
            Sent healthy = null;
            while (System.nanoTime() - restoredAt < 10 * SECOND) {
                healthy = send(get(base + "/actuator/health/readiness"));
                if (healthy.status() == 200) {
                    break;
                }
                Thread.sleep(100);
            }
            long healthRecovered = healthy.at() - restoredAt;
            writing.set(false);
            writers.shutdown();
            writers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);

            List<Sent> duringOutage = writes.stream()
                    .filter(s -> s.at() - s.nanos() > cutAt + SECOND / 2 && s.at() < restoredAt).toList();
            System.out.printf("outage: %d writes while the database was away, slowest %d ms; health slowest %d ms;"
                            + " flood of %d slowest %d ms; writes back %d ms and health %d ms after the database%n",
                    duringOutage.size(), slowest(duringOutage), slowest(health), flood.size(), slowest(flood),
                    writeRecovered / 1_000_000, healthRecovered / 1_000_000);

            assertThat(writes.stream().map(Sent::status).distinct()).as("statuses of all writes")
                    .containsOnly(201, 503);
            assertThat(duringOutage).isNotEmpty().allSatisfy(this::assertFastUnavailable);
            assertThat(health).allSatisfy(this::assertFastUnavailable);
            assertThat(flood).hasSize(200).allSatisfy(this::assertFastUnavailable);
            assertThat(writeRecovered).as("nanos until writes succeed again").isLessThan(5 * SECOND);
            assertThat(healthRecovered).as("nanos until ready again").isLessThan(5 * SECOND);

            List<String> acknowledged = writes.stream().filter(s -> s.status() == 201).map(Sent::id).toList();
            assertThat(acknowledged).hasSizeGreaterThan(20);
            for (String id : acknowledged) {
                assertThat(send(get(base + "/api/contacts/" + id + "/")).status()).as(id).isEqualTo(200);
            }
            assertProcessorsCaughtUp(base, restoredAt);
        }
    }

    private void assertFastUnavailable(Sent sent) {
        assertThat(sent.status()).isEqualTo(503);
        assertThat(sent.nanos()).as("nanos to answer").isLessThanOrEqualTo(SECOND);
        assertThat(sent.contentType()).startsWith("application/");
        if (sent.contentType().startsWith("application/problem+json")) {
            assertThat(sent.retryAfter()).isEqualTo("1");
        }
    }

    /** Every report (streaming) processor is at the head of the event store within 5 s of the restore. */
    private void assertProcessorsCaughtUp(String base, long restoredAt) throws Exception {
        JsonNode projections = null;
        while (System.nanoTime() - restoredAt < 5 * SECOND) {
            projections = JSON.readTree(send(get(base + "/api/admin/projections/")).body());
            boolean caughtUp = true;
            for (JsonNode projection : projections.get("results")) {
                caughtUp &= projection.get("lag").asLong() == 0;
            }
            if (caughtUp) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("processors still lag 5 s after the database returned: " + projections);
    }

    private List<Sent> flood(String base, int requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(50);
        try {
            List<Future<Sent>> sent = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                sent.add(threads.submit(() -> send(get(base + "/api/contacts/?search=flood"))));
            }
            List<Sent> answers = new ArrayList<>();
            for (Future<Sent> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            threads.shutdown();
        }
    }

    /** Waits until a write that started after {@code since} succeeded; nanos from {@code since} to it. */
    private static long awaitSince(long since, ConcurrentLinkedQueue<Sent> writes, int status) throws Exception {
        while (System.nanoTime() - since < 10 * SECOND) {
            for (Sent sent : writes) {
                if (sent.status() == status && sent.at() - sent.nanos() > since) {
                    return sent.at() - since;
                }
            }
            Thread.sleep(20);
        }
        return 10 * SECOND;
    }

    private static long slowest(List<Sent> sent) {
        return sent.stream().mapToLong(Sent::nanos).max().orElse(0) / 1_000_000;
    }

    private static HttpRequest get(String url) {
        return request(url).GET().build();
    }

    private static HttpRequest post(String url, String json) {
        return request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + ServerProcess.ADMIN_TOKEN);
    }

    /** A request that got no answer at all (time-out, connection refused) is recorded with status -1. */
    private Sent send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long end = System.nanoTime();
            return new Sent(end, end - start, response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (java.io.IOException e) {
            long end = System.nanoTime();
            return new Sent(end, end - start, -1, null, "", "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
