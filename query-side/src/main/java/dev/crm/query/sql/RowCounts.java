package dev.crm.query.sql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;

/**
 * The counts that triggers on the big read-model tables keep in {@code read_model.row_count} (see its
 * migration): how many rows a table has, in all and per value of each column its list filters by, and for the
 * versions tables how many versions began and ended per hour (see {@link PagedVersions}). Writers
 * only append deltas, so that they never wait for each other on a counter; this folds each key's deltas
 * (per hour) into one row now and then, so that a count stays a sum over a handful of rows.
 */
@Component
public class RowCounts {

    /**
     * The suffix of the table name that a rebuild's shadow of a table keeps its counts under, until it takes
     * the table's place (see {@code counted_table} in the migrations; the compaction below and the index it
     * reads name it as a literal, which the index's predicate must match).
     */
    public static final String SHADOW_SUFFIX = "_rebuild";

    /** A key's count: parameters {@code table} and {@code key}. */
    private static final String COUNT = """
            SELECT coalesce(sum(n), 0) FROM read_model.row_count WHERE table_name = :table AND key = :key""";

    private static final Logger LOG = LoggerFactory.getLogger(RowCounts.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    RowCounts(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Replaces the deltas of every key (and hour) that got new ones by their sum, in one transaction. Sums are
     * kept whatever runs at the same time: a writer's new delta is not among the rows this deletes (it was not
     * visible when this began), and a concurrent compaction (another instance) is skipped by the lock, which a
     * rebuild's swap also takes, stronger, while it renames a shadow's counts; so is a compaction while one
     * runs. The lock does not conflict with writers.
     * <p>
     * A rebuild's shadows are left out: nothing reads their counts before the swap, and a rebuild of a million
     * rows writes more than a million deltas, which folded in one go held the lock for minutes (and the swap
     * waiting for it); the index of fresh deltas leaves them out too. The rebuild folds them itself, without
     * the lock, before its swap ({@link #foldShadow}); once the swap has taken them in they are the table's,
     * and the next compaction folds those that arrived after.
     */
    @Scheduled(fixedDelayString = "${crm.counts.compact-interval:2s}",
            initialDelayString = "${crm.counts.compact-interval:2s}")
    public void compact() {
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.execute("SET LOCAL lock_timeout = '50ms'");
                jdbc.execute("LOCK TABLE read_model.row_count IN SHARE UPDATE EXCLUSIVE MODE");
                jdbc.update("""
                        WITH touched AS (SELECT DISTINCT table_name, key, hour FROM read_model.row_count
                                          WHERE fresh AND table_name NOT LIKE '%\\_rebuild'),
                        folded AS (
                            DELETE FROM read_model.row_count r USING touched t
                             WHERE r.table_name = t.table_name AND r.key = t.key AND r.hour = t.hour
                            RETURNING r.table_name, r.key, r.hour, r.n)
                        INSERT INTO read_model.row_count (table_name, key, hour, n, fresh)
                        SELECT table_name, key, hour, sum(n), false FROM folded GROUP BY table_name, key, hour
                        HAVING sum(n) <> 0""");
            });
        } catch (DataAccessException | TransactionException e) {
            // Another compaction or a swap holds the lock, or the database is away: the next run catches up.
            LOG.debug("Compacting the row counts skipped: {}", e.getMessage());
        }
    }

    /**
     * Folds the deltas of a rebuild's shadow of {@code table}, which the compaction leaves alone, as it folds
     * the others, so that its swap moves one count per key and hour rather than several, and the counts are
     * folded as soon as they are the table's. Runs before the swap, outside its locks; the deltas of the events
     * the swap still catches up stay fresh, for the compaction. Nothing else folds a shadow's counts (one rebuild
     * per projection at a time), so it needs no lock. Returns how many counts the shadow has then.
     */
    public long foldShadow(String table) {
        // All of them are deltas, written by the rebuild: no need to find first which keys got new ones.
        return jdbc.update("""
                WITH folded AS (DELETE FROM read_model.row_count WHERE table_name = ? RETURNING key, hour, n)
                INSERT INTO read_model.row_count (table_name, key, hour, n, fresh)
                SELECT ?, key, hour, sum(n), false FROM folded GROUP BY key, hour HAVING sum(n) <> 0""",
                table + SHADOW_SUFFIX, table + SHADOW_SUFFIX);
    }

    /**
     * Rebuilds the counts' indexes, without blocking writers or readers. After a rebuild of a large table has
     * moved its counts in, the entries that the old counts, the shadow's deltas and their moves left behind
     * leave the index pages nearly empty (535 MB for 727,000 counts, 50 MB rebuilt), and a key's counts lie
     * one per page. An index rebuild that fails leaves an invalid copy behind, which every write would keep:
     * it is dropped.
     */
    public void reindex() {
        try {
            jdbc.execute("REINDEX TABLE CONCURRENTLY read_model.row_count");
        } catch (DataAccessException e) {
            LOG.warn("Rebuilding the indexes of the row counts failed: {}", e.getMessage());
            for (String index : jdbc.queryForList("""
                    SELECT indexrelid::regclass::text FROM pg_index
                     WHERE indrelid = 'read_model.row_count'::regclass AND NOT indisvalid""", String.class)) {
                jdbc.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index);
            }
        }
    }

    /** The kept count of {@code key} for {@code table} ({@code ""}: all its rows). */
    static long kept(NamedParameterJdbcTemplate jdbc, String table, String key) {
        Long count = jdbc.queryForObject(COUNT, Map.of("table", table, "key", key), Long.class);
        return count == null ? 0 : count;
    }
}
