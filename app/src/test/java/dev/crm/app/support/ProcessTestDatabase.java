package dev.crm.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL for a server started as a process: the one in {@code CRM_TEST_DATABASE_URL} when set, else
 * an embedded one in a fresh directory, stopped and removed by {@link #close()}.
 */
public final class ProcessTestDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final Path directory;
    private final String host;
    private final int port;
    private final String database;

    private ProcessTestDatabase(EmbeddedPostgres embedded, Path directory, String host, int port, String database) {
        this.embedded = embedded;
        this.directory = directory;
        this.host = host;
        this.port = port;
        this.database = database;
    }

    public static ProcessTestDatabase start() {
        String url = System.getenv("CRM_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            URI uri = URI.create(url.substring("jdbc:".length()));
            return new ProcessTestDatabase(null, null, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                    uri.getPath().substring(1));
        }
        try {
            Path directory = Files.createTempDirectory("crm-process-db-");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory)
                    .setCleanDataDirectory(true).start();
            return new ProcessTestDatabase(postgres, directory, "127.0.0.1", postgres.getPort(), "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** A JDBC URL for this database on another host and port (a proxy in front of it). */
    public String jdbcUrl(String viaHost, int viaPort) {
        return "jdbc:postgresql://" + viaHost + ":" + viaPort + "/" + database;
    }

    public String user() {
        return System.getenv().getOrDefault("CRM_TEST_DATABASE_USER", "postgres");
    }

    public String password() {
        return System.getenv().getOrDefault("CRM_TEST_DATABASE_PASSWORD", "");
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
            TempFiles.deleteRecursively(directory);
        }
    }
}
