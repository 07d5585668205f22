package dev.crm.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded PostgreSQL, stopped last ({@link #close()}): by then the pool has closed its connections, but a
 * backend whose client has just said goodbye may not have exited yet, and PostgreSQL's fast shutdown would log
 * each of them as a {@code FATAL: terminating connection}. So the stop first waits, briefly, for the client
 * backends to be gone.
 */
final class EmbeddedServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final Duration BACKENDS_EXIT = Duration.ofSeconds(5);

    private final EmbeddedPostgres postgres;

    EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        try {
            awaitClientBackendsGone();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not wait for PostgreSQL's client backends to exit", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postgres.close();
    }

    /** The client backends still there (this connection's included) have exited, or the wait is over. */
    private void awaitClientBackendsGone() throws SQLException, InterruptedException {
        List<ProcessHandle> backends = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet pids = statement.executeQuery(
                     "SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend'")) {
            while (pids.next()) {
                ProcessHandle.of(pids.getLong(1)).ifPresent(backends::add);
            }
        }
        // Polled: onExit() of a process that is not our child looks only every 300 ms or more.
        long deadline = System.nanoTime() + BACKENDS_EXIT.toNanos();
        while (backends.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                LOG.debug("PostgreSQL's client backends had not all exited after {}", BACKENDS_EXIT);
                return;
            }
            Thread.sleep(5);
        }
    }
}
