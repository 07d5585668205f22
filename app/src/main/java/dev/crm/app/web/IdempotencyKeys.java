package dev.crm.app.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code idempotency.idempotency_key} table: who claimed which key for which request, and the answer once
 * there is one. Claims go through the primary key, so of two racing requests exactly one wins the claim.
 */
@Component
class IdempotencyKeys {

    /** How long an answer is kept for retries. */
    static final Duration TTL = Duration.ofHours(24);
    /** A claim without an answer this old belongs to a request that died (e.g. the server was killed). */
    private static final Duration ABANDONED = Duration.ofMinutes(10);
    private static final long CLEANUP_EVERY_MS = Duration.ofMinutes(5).toMillis();

    private final JdbcTemplate jdbc;
    private final AtomicLong nextCleanup = new AtomicLong();

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    sealed interface Claim {
    }

    /** The key is ours: run the request, then {@link #complete} or {@link #release}. */
    record Claimed() implements Claim {
    }

    /** The key was used for a different request. */
    record Mismatch() implements Claim {
    }

    /** The first request with this key is still running. */
    record InProgress() implements Claim {
    }

    record Answered(int status, String contentType, String etag, String location, byte[] body) implements Claim {
    }

    private record Row(String fingerprint, Integer status, String contentType, String etag, String location,
                       byte[] body, boolean stale) {
    }

    Claim claim(String userId, String key, String fingerprint) {
        cleanUpNowAndThen();
        while (true) {
            int inserted = jdbc.update("""
                    INSERT INTO idempotency.idempotency_key (user_id, key, fingerprint, expires_at)
                    VALUES (?, ?, ?, now() + make_interval(secs => ?)) ON CONFLICT DO NOTHING""",
                    userId, key, fingerprint, TTL.toSeconds());
            if (inserted == 1) {
                return new Claimed();
            }
            List<Row> rows = jdbc.query("""
                    SELECT fingerprint, status, content_type, etag, location, body,
                           expires_at < now() OR (status IS NULL AND created_at < now() - make_interval(secs => ?))
                               AS stale
                      FROM idempotency.idempotency_key WHERE user_id = ? AND key = ?""",
                    (rs, n) -> new Row(rs.getString("fingerprint"), (Integer) rs.getObject("status"),
                            rs.getString("content_type"), rs.getString("etag"), rs.getString("location"),
                            rs.getBytes("body"), rs.getBoolean("stale")),
                    ABANDONED.toSeconds(), userId, key);
            if (rows.isEmpty()) {
                continue; // released or cleaned up between our insert and select: claim again
            }
            Row row = rows.get(0);
            if (row.stale()) {
                jdbc.update("""
                        DELETE FROM idempotency.idempotency_key WHERE user_id = ? AND key = ?
                           AND (expires_at < now() OR (status IS NULL AND created_at < now() - make_interval(secs => ?)))""",
                        userId, key, ABANDONED.toSeconds());
                continue;
            }
            if (!row.fingerprint().equals(fingerprint)) {
                return new Mismatch();
            }
            if (row.status() == null) {
                return new InProgress();
            }
            return new Answered(row.status(), row.contentType(), row.etag(), row.location(), row.body());
        }
    }

    void complete(String userId, String key, Answered answer) {
        jdbc.update("""
                UPDATE idempotency.idempotency_key SET status = ?, content_type = ?, etag = ?, location = ?, body = ?
                 WHERE user_id = ? AND key = ?""",
                answer.status(), answer.contentType(), answer.etag(), answer.location(), answer.body(), userId, key);
    }

    /** Gives the key up after a failure on our side, so that a retry does the work. */
    void release(String userId, String key) {
        jdbc.update("DELETE FROM idempotency.idempotency_key WHERE user_id = ? AND key = ? AND status IS NULL",
                userId, key);
    }

    /** Expired answers are deleted by whichever request comes along once the last clean-up is old enough. */
    private void cleanUpNowAndThen() {
        long now = System.currentTimeMillis();
        long due = nextCleanup.get();
        if (now >= due && nextCleanup.compareAndSet(due, now + CLEANUP_EVERY_MS)) {
            jdbc.update("DELETE FROM idempotency.idempotency_key WHERE expires_at < now()");
        }
    }
}
