package dev.crm.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;

/**
 * The server as its users run it: {@code java -jar crm-server.jar} in a process of its own (the jar the
 * build just packaged, named by the system property {@code crm.server.jar}), which a test can kill with
 * SIGKILL or stop with SIGTERM. Its output goes to a file under {@code target/}.
 */
public final class ServerProcess implements AutoCloseable {

    public static final String ADMIN_TOKEN = "crm_process_test_admin";

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the server with these environment variables and waits until it answers its health check. */
    public static ServerProcess start(String name, Map<String, String> environment) {
        Path jar = Path.of(System.getProperty("crm.server.jar", "target/crm-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no server jar at " + jar.toAbsolutePath() + ": run mvn verify");
        }
        int port = TcpProxy.freePort();
        try {
            Path directory = Files.createDirectories(Path.of("target", "process-tests").toAbsolutePath());
            Path log = directory.resolve(name + ".log");
            Path tmp = Files.createDirectories(directory.resolve("tmp"));
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-Djava.io.tmpdir=" + tmp, "-jar",
                    jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().put("CRM_ADMIN_TOKEN", ADMIN_TOKEN);
            builder.environment().putAll(environment);
            ServerProcess server = new ServerProcess(builder.start(), port, log);
            server.awaitHealthy(Duration.ofSeconds(90));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a supervisor or Ctrl-C stops it; answers its exit code, or fails if it did not exit in time. */
    public int terminate(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("the server did not exit within " + within + " of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    private void awaitHealthy(Duration within) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited during start-up; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("the server was not healthy within " + within + "; see " + log.toAbsolutePath());
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
