package dev.crm.query.admin;

import dev.crm.query.sql.RowCounts;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;

import java.sql.SQLException;
import java.util.List;

/**
 * The rebuild's last step: one short transaction locks the live tables ({@code ACCESS EXCLUSIVE}, all at
 * once: the drop needs it, and upgrading a weaker lock later could deadlock with a command that read the table
 * and now waits to write it; readers and the live projection, which runs inside each command's transaction,
 * wait while it runs), replays what arrived since, drops the live tables and moves the shadows into
 * {@code read_model} in their place, with their indexes, triggers and sequences; the shadows' row counts take
 * the live tables' names. Its snapshot is taken after the locks: every event whose transaction already wrote
 * the live tables has committed and is replayed; every event still in flight is not, and its blocked
 * projection write lands in the moved table afterwards (PostgreSQL looks the name up again once the lock is
 * granted). No event is lost or applied twice.
 * <p>
 * The shadows' counts are folded before (one per key and hour instead of one per row), so that the swap moves
 * fewer of them while it holds the locks; when it has moved many, the counts' indexes are rebuilt after it.
 */
@Component
class ReadModelSwap {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelSwap.class);
    private static final int ATTEMPTS = 20;
    /** What {@code JdbcEventStorageEngine} keeps gaps for by default ({@code maxGapOffset}). */
    private static final int MAX_GAP_OFFSET = 10_000;
    /**
     * How many counts a swap moves in before the counts' indexes are worth rebuilding: each rebuild of a large
     * table leaves their pages emptier (see {@link RowCounts#reindex()}), a small one hardly; and rebuilding
     * an index concurrently waits twice for every transaction running at the time.
     */
    private static final long REINDEX_AFTER = 100_000;

    private final JdbcTemplate jdbc;
    private final ShadowSchema shadows;
    private final RowCounts counts;

    ReadModelSwap(JdbcTemplate jdbc, ShadowSchema shadows, RowCounts counts) {
        this.jdbc = jdbc;
        this.shadows = shadows;
        this.counts = counts;
    }

    /** Applies, in the swap's transaction, what arrived since the shadows were last caught up. */
    interface CatchUp {
        void run() throws Exception;
    }

    /** Told, inside the swap's transaction, the tracking token that covers exactly the rebuilt tables. */
    interface Listener {
        void swapped(TrackingToken covered) throws Exception;
    }

    /**
     * Swaps the shadows of {@code tables} in, after {@code catchUp}; tells {@code listener} (may be
     * {@code null}) the token they cover. Gives way rather than deadlock with a command holding one of the
     * tables and waiting for another, and tries again.
     */
    void swap(List<String> tables, CatchUp catchUp, Listener listener) throws Exception {
        long start = System.nanoTime();
        long moved = 0;
        for (String table : tables) {
            moved += counts.foldShadow(table);
        }
        long folded = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            long begun = System.nanoTime();
            try {
                shadows.transaction(TransactionDefinition.ISOLATION_REPEATABLE_READ, connection -> {
                    // The tables' counts change hands below: no compaction may fold them meanwhile (the
                    // compaction's own lock mode, which writers do not wait for). Taken first and waited for:
                    // a compaction may run for seconds after a burst of writes, longer than all the attempts
                    // below would wait (a rebuild failed so once), and while this waits it holds nothing that
                    // a request needs.
                    jdbc.execute("SET LOCAL lock_timeout = '10min'");
                    jdbc.execute("LOCK TABLE read_model.row_count IN SHARE UPDATE EXCLUSIVE MODE");
                    jdbc.execute("SET LOCAL lock_timeout = '300ms'");
                    jdbc.execute("LOCK TABLE " + String.join(", ", tables.stream().map(t -> "read_model." + t)
                            .toList()) + " IN ACCESS EXCLUSIVE MODE");
                    // The snapshot starts here, after the locks (repeatable read: one snapshot for all).
                    catchUp.run();
                    if (listener != null) {
                        listener.swapped(covered());
                    }
                    for (String table : tables) {
                        moveIn(table);
                    }
                    return null;
                });
                long swapped = System.nanoTime();
                if (moved >= REINDEX_AFTER) {
                    counts.reindex();
                }
                long reindexed = System.nanoTime();
                // Moving the counts in left a dead row behind for each of them, millions for a large table:
                // cleared now, with fresh statistics, rather than whenever autovacuum comes by (until then
                // every list's count, which reads these rows, would read past them too).
                jdbc.execute("VACUUM (ANALYZE) read_model.row_count");
                LOG.info("Swapped in {}: {} counts folded in {} ms, the swap's transaction {} ms{}, the counts vacuumed"
                        + " in {} ms", tables, moved, millis(start, folded), millis(begun, swapped),
                        moved < REINDEX_AFTER ? "" : ", their indexes rebuilt in " + millis(swapped, reindexed) + " ms",
                        millis(reindexed, System.nanoTime()));
                return;
            } catch (Exception e) {
                if (attempt == ATTEMPTS || !lockTimedOut(e)) {
                    throw e;
                }
                LOG.info("Swapping the rebuilt {} waited too long for a lock; trying again", tables);
                Thread.sleep(50L * attempt);
            }
        }
    }

    private void moveIn(String table) {
        jdbc.update("DELETE FROM read_model.row_count WHERE table_name = ?", table);
        // The shadow's ranges are all below the first mark: the old marks go, OrderMarks lays new ones.
        jdbc.update("DELETE FROM read_model.order_mark WHERE table_name = ?", table);
        // Folded before the swap; the deltas of the events caught up since are still fresh, and the next
        // compaction folds them (one row per key and hour, which HourSeek relies on to reach a deep page's hour
        // within the rows it reads). Until then a count sums a key's rows.
        jdbc.update("UPDATE read_model.row_count SET table_name = ? WHERE table_name = ?", table,
                table + ShadowSchema.COUNTS_SUFFIX);
        jdbc.execute("DROP TABLE read_model." + table);
        jdbc.execute("ALTER TABLE " + ShadowSchema.NAME + "." + table + " SET SCHEMA read_model");
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static boolean lockTimedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tracking token of what the swap's snapshot sees: every event up to the highest global index, but
     * the indexes missing below it (transactions still running, or rolled back) as gaps, within the distance
     * Axon's JDBC store keeps gaps for. Built here, not asked of the storage engine, because it must describe
     * this transaction's snapshot.
     */
    private TrackingToken covered() {
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), -1) FROM event_store.domain_event_entry",
                Long.class);
        if (head < 0) {
            return null; // an empty store: from the start
        }
        List<Long> gaps = jdbc.queryForList("""
                SELECT g FROM generate_series(greatest(?::bigint - ?, 0), ?::bigint - 1) g
                 WHERE NOT EXISTS (SELECT 1 FROM event_store.domain_event_entry e WHERE e.global_index = g)""",
                Long.class, head, MAX_GAP_OFFSET, head);
        return GapAwareTrackingToken.newInstance(head, gaps);
    }
}
