package dev.crm.app.process;

import dev.crm.app.support.ServerProcess;
import dev.crm.app.support.TempFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as its users run it (embedded PostgreSQL) gets SIGTERM while four clients write. It stops
 * taking requests, answers those under way, stops the report processors (which release their claims), closes
 * its connections and only then stops PostgreSQL: its log after the signal has no warning, error or stack
 * trace, PostgreSQL's log no terminated connection, it exits within seconds, and the data, opened again,
 * holds every acknowledged write and no claimed token.
 */
class GracefulShutdownIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A log line at WARN or ERROR, a stack trace's frame or its "Caused by". */
    private static final Pattern TROUBLE = Pattern.compile(" (WARN|ERROR) |^\\s+at |^Caused by|Exception");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();

    @Test
    void sigtermUnderWritesStopsEverythingInOrderWithoutAnErrorLine() throws Exception {
        Path dataDir = Files.createTempDirectory("crm-shutdown-");
        try {
            ServerProcess server = ServerProcess.start("graceful-shutdown", Map.of("CRM_DATA_DIR", dataDir.toString()));
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                writers.submit(() -> write(server.url(), writing));
            }
            // on a slow machine, until enough writes were acknowledged that some are surely under way
            for (long giveUp = System.nanoTime() + 60_000_000_000L; created.size() < 50
                    && System.nanoTime() < giveUp; ) {
                Thread.sleep(100);
            }
            Path postgresLog = dataDir.resolve("postgres.log");
            long serverLogBefore = Files.size(server.log());
            long postgresLogBefore = Files.size(postgresLog);

            long signalled = System.nanoTime();
            int exitCode = server.terminate(Duration.ofSeconds(15));
            long millis = (System.nanoTime() - signalled) / 1_000_000;
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            assertThat(exitCode).as("the JVM's exit code after SIGTERM").isEqualTo(143);
            List<String> afterSignal = linesFrom(server.log(), serverLogBefore);
            assertThat(afterSignal).as("the server's log after SIGTERM")
                    .noneMatch(line -> TROUBLE.matcher(line).find());
            List<String> postgresAfter = linesFrom(postgresLog, postgresLogBefore);
            assertThat(postgresAfter).as("PostgreSQL's log after SIGTERM")
                    .noneMatch(line -> line.contains("FATAL") || line.contains("ERROR"))
                    .anyMatch(line -> line.contains("database system is shut down"));
            assertThat(refused).as("answers other than 201 (a 503 means the database went first)").isEmpty();
            assertThat(dataDir.resolve("postgres").resolve("postmaster.pid")).doesNotExist();

            try (EmbeddedPostgres reopened = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                    .setCleanDataDirectory(false).start();
                 Connection connection = reopened.getPostgresDatabase().getConnection()) {
                assertThat(claimedTokens(connection)).as("processors still holding a claim").isZero();
                assertThat(storedContacts(connection, created)).as("acknowledged creates in the read model")
                        .isEqualTo(created.size());
            }
            System.out.printf("shutdown: SIGTERM after %d acknowledged creates, exit %d after %d ms, %d log lines"
                    + " after the signal%n", created.size(), exitCode, millis, afterSignal.size());
        } finally {
            TempFiles.deleteRecursively(dataDir);
        }
    }

    /** Creates contacts until told to stop or the server goes away; remembers what was answered how. */
    private Void write(String base, AtomicBoolean writing) {
        while (writing.get()) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/contacts/"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + ServerProcess.ADMIN_TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"lastName\": \"Stop\", \"email\": \"s"
                                + System.nanoTime() + "@example.com\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 201) {
                    created.add(JSON.readTree(answer.body()).get("id").stringValue());
                } else {
                    refused.add(answer.statusCode() + " " + answer.body());
                }
            } catch (IOException e) {
                return null; // the server no longer takes requests
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private static List<String> linesFrom(Path file, long offset) throws IOException {
        byte[] all = Files.readAllBytes(file);
        String tail = new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
        return tail.isEmpty() ? List.of() : List.of(tail.split("\n"));
    }

    private static int claimedTokens(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*) FROM event_store.token_entry WHERE owner IS NOT NULL")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static int storedContacts(Connection connection, Set<String> ids) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM read_model.contact WHERE id = ANY (?)")) {
            Array array = connection.createArrayOf("text", new ArrayList<>(ids).toArray());
            statement.setArray(1, array);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
