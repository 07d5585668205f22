package dev.crm.app.process;

import dev.crm.app.support.ServerProcess;
import dev.crm.app.support.TempFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as its users run it (embedded PostgreSQL in a data directory) is killed with SIGKILL while
 * eight clients create and update contacts. Started again on the same data, it has every write it
 * acknowledged, and its read model equals a rebuild from the event store.
 */
class CrashRecoveryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Set<String> engaged = ConcurrentHashMap.newKeySet();

    @Test
    void killedUnderLoadItLosesNoAcknowledgedWriteAndItsReadModelEqualsARebuild() throws Exception {
        Path dataDir = Files.createTempDirectory("crm-crash-");
        Map<String, String> environment = Map.of("CRM_DATA_DIR", dataDir.toString());
        try {
            ServerProcess first = ServerProcess.start("crash-before-kill", environment);
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(8);
            for (int w = 0; w < 8; w++) {
                writers.submit(() -> write(first.url(), writing));
            }
            // under load at least 4 s, and on a slow machine until enough writes were acknowledged to matter
            Thread.sleep(4_000);
            for (long giveUp = System.nanoTime() + 60_000_000_000L; created.size() <= 50
                    && System.nanoTime() < giveUp; ) {
                Thread.sleep(100);
            }
            first.kill();
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(created).hasSizeGreaterThan(50);

            try (ServerProcess second = ServerProcess.start("crash-after-restart", environment)) {
                String base = second.url();
                for (String id : created) {
                    JsonNode contact = JSON.readTree(get(base + "/api/contacts/" + id + "/").body());
                    assertThat(contact.get("id").stringValue()).isEqualTo(id);
                    if (engaged.contains(id)) {
                        assertThat(contact.get("stage").stringValue()).as(id).isEqualTo("engaged");
                    }
                }
                List<JsonNode> live = allContacts(base);
                rebuild(base, "contacts");
                assertThat(allContacts(base)).isEqualTo(live);
                System.out.printf("crash: %d creates and %d updates acknowledged before kill -9, all there after the"
                        + " restart; %d contacts equal a rebuild%n", created.size(), engaged.size(), live.size());
            }
        } finally {
            stopOrphanedPostmaster(dataDir);
            TempFiles.deleteRecursively(dataDir);
        }
    }

    /** Creates a contact, then moves it to {@code engaged}; remembers each write the server acknowledged. */
    private Void write(String base, AtomicBoolean writing) {
        while (writing.get()) {
            try {
                HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/api/contacts/"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"lastName\": \"Crash\", \"email\": \"c"
                                + System.nanoTime() + "@example.com\"}")));
                if (answer.statusCode() != 201) {
                    continue;
                }
                String id = JSON.readTree(answer.body()).get("id").stringValue();
                created.add(id);
                HttpResponse<String> patched = send(HttpRequest.newBuilder(URI.create(base + "/api/contacts/" + id + "/"))
                        .header("If-Match", "\"1\"")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"stage\": \"engaged\"}")));
                if (patched.statusCode() == 200) {
                    engaged.add(id);
                }
            } catch (IOException e) {
                return null; // the server is gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private List<JsonNode> allContacts(String base) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode answer = JSON.readTree(get(base + "/api/contacts/?ordering=createdAt&limit=100&page=" + page)
                    .body());
            answer.get("results").forEach(all::add);
            if (answer.get("next").isNull()) {
                return all;
            }
        }
    }

    private void rebuild(String base, String projection) throws Exception {
        HttpResponse<String> started = send(HttpRequest.newBuilder(
                URI.create(base + "/api/admin/projections/" + projection + "/rebuild/"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.statusCode()).isEqualTo(202);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (JsonNode status : JSON.readTree(get(base + "/api/admin/projections/").body()).get("results")) {
                if (status.get("name").stringValue().equals(projection) && status.get("state").stringValue().equals("live")
                        && !status.path("lastRebuild").isMissingNode() && !status.get("lastRebuild").isNull()) {
                    assertThat(status.at("/lastRebuild/outcome").stringValue()).as("%s", status).isEqualTo("succeeded");
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the rebuild of " + projection + " did not finish within 60 s");
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url)).GET());
        assertThat(answer.statusCode()).as("GET %s: %s", url, answer.body()).isEqualTo(200);
        return answer;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + ServerProcess.ADMIN_TOKEN)
                        .header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** If a start failed after the kill, the killed server's PostgreSQL may still run: leave nothing behind. */
    private static void stopOrphanedPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
