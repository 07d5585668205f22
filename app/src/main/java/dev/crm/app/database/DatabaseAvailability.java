package dev.crm.app.database;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether PostgreSQL can be used right now: a circuit breaker in front of the connection pool.
 * <p>
 * While it is up, a heartbeat checks a pooled connection every second, and every failure that means the
 * database is gone ({@link DatabaseFailures#isOutage}) opens the circuit at once. While it is open, asking
 * for a connection fails immediately ({@link GuardedDataSource}), so requests answer 503 in
 * microseconds instead of each waiting for the pool's time-out and piling up on the server's threads,
 * and health reports DOWN without waiting either. A probe opens a connection of its own (not from the pool)
 * four times a second and closes the circuit as soon as the database answers, then announces
 * {@link DatabaseRecovered} so that whatever backed off (the streaming processors) starts again at once.
 * The probe stays out of the pool on purpose: while nobody waits for a pooled connection the pool stops
 * trying to open new ones, instead of backing off for up to five seconds between attempts, and it opens
 * them at once for the first requests after the outage.
 */
public class DatabaseAvailability implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAvailability.class);
    private static final long HEARTBEAT_MS = 1000;
    private static final long PROBE_MS = 250;
    private static final int VALID_WITHIN_SECONDS = 1;

    /** Raised once each time the database answers again after an outage. */
    public record DatabaseRecovered(Duration outage) {
    }

    private final HikariDataSource pool;
    private final ApplicationEventPublisher events;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "database-availability");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long downSince;
    private volatile boolean available = true;

    DatabaseAvailability(HikariDataSource pool, ApplicationEventPublisher events) {
        this.pool = pool;
        this.events = events;
        checks.schedule(this::check, HEARTBEAT_MS, TimeUnit.MILLISECONDS);
    }

    public boolean isAvailable() {
        return available;
    }

    /** Fails at once while the circuit is open. */
    void checkAvailable() throws DatabaseUnavailableException {
        if (!available) {
            throw new DatabaseUnavailableException();
        }
    }

    /** Opens the circuit when {@code failure} means the database is gone; anything else is ignored. */
    public void report(Throwable failure) {
        if (available && DatabaseFailures.isOutage(failure)) {
            synchronized (this) {
                if (available) {
                    available = false;
                    downSince = System.nanoTime();
                    LOG.warn("PostgreSQL is unreachable ({}); answering 503 until it is back",
                            rootMessage(failure));
                }
            }
        }
    }

    private void check() {
        try {
            boolean answered = available ? pooledConnectionAnswers() : newConnectionAnswers();
            if (!available && answered) {
                available = true;
                Duration outage = Duration.ofNanos(System.nanoTime() - downSince);
                LOG.info("PostgreSQL answers again after {} ms", outage.toMillis());
                events.publishEvent(new DatabaseRecovered(outage));
            }
        } catch (RuntimeException e) {
            LOG.warn("The database availability check failed unexpectedly", e);
        } finally {
            if (!checks.isShutdown()) {
                checks.schedule(this::check, available ? HEARTBEAT_MS : PROBE_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** One pooled connection that is still valid: the pool replaces broken ones while it is asked for it. */
    private boolean pooledConnectionAnswers() {
        try (Connection connection = pool.getConnection()) {
            return valid(connection);
        } catch (SQLException e) {
            report(e);
            return false;
        }
    }

    /** A connection of the probe's own, with the pool's settings (its connect time-out among them). */
    private boolean newConnectionAnswers() {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        try (Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), properties)) {
            return valid(connection);
        } catch (SQLException e) {
            return false;
        }
    }

    private boolean valid(Connection connection) throws SQLException {
        if (connection.isValid(VALID_WITHIN_SECONDS)) {
            return true;
        }
        report(new SQLException("a connection did not answer within a second", "08006"));
        return false;
    }

    /** The innermost message: the driver's own words ("Connection refused", "An I/O error occurred"). */
    private static String rootMessage(Throwable failure) {
        String message = failure.toString();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message;
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
