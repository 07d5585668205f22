package dev.crm.query.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.crm.api.user.AuthenticatedUser;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The users that valid tokens belong to, so that a request needs no query to know its caller. The
 * {@code api_token} and {@code app_user} rows stay the truth: every change that can make a cached answer wrong
 * (a token revoked, a user deactivated, renamed or given another role) empties the cache of this instance
 * when its transaction commits, and of every other instance on the database through PostgreSQL's
 * {@code NOTIFY}, which each instance receives on a connection of its own. While that connection is down
 * nothing is cached, so a missed notification can never keep a revoked token alive.
 */
@Component
class TokenCache implements DisposableBean {

    static final String CHANNEL = "crm_user_changed";
    private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);
    private static final int WAIT_MS = 500;

    private final Cache<String, AuthenticatedUser> users = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Thread listener;
    private volatile boolean listening;
    private volatile boolean stopped;

    TokenCache(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.listener = new Thread(this::listen, "token-cache-listener");
        listener.setDaemon(true);
        listener.start();
    }

    /** The owner of the token with this hash: from the cache, or {@code lookup} (not cached when empty). */
    Optional<AuthenticatedUser> get(String tokenHash, Supplier<Optional<AuthenticatedUser>> lookup) {
        AuthenticatedUser cached = listening ? users.getIfPresent(tokenHash) : null;
        if (cached != null) {
            return Optional.of(cached);
        }
        boolean trusted = listening;
        Optional<AuthenticatedUser> found = lookup.get();
        if (trusted && found.isPresent()) {
            users.put(tokenHash, found.get());
        }
        return found;
    }

    /**
     * A user or token changed in the current transaction: once it commits, no instance answers from what it
     * had cached. Called by the projection, inside the writing transaction.
     */
    void changed(String userId) {
        jdbc.queryForObject("SELECT pg_notify(?, ?)", Object.class, CHANNEL, userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    users.invalidateAll();
                }
            });
        } else {
            users.invalidateAll();
        }
    }

    private void listen() {
        while (!stopped) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                users.invalidateAll();
                listening = true;
                while (!stopped) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MS);
                    if (received != null && received.length > 0) {
                        users.invalidateAll();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listening && !stopped) {
                    LOG.warn("Stopped caching token owners until user changes can be heard again: {}", e.toString());
                }
            } finally {
                listening = false;
                users.invalidateAll();
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(WAIT_MS);
        } catch (InterruptedException e) {
            stopped = true;
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        stopped = true;
        listener.interrupt();
    }
}
