package dev.crm.query.sql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;

/**
 * Lays the marks that cut a text ordering into counted ranges ({@link RangeSeek}, table {@code order_mark}):
 * whenever a range holds {@link #ROWS} rows or more twice over, a new mark goes in after its first {@link #ROWS}
 * rows, and its count is split between the two. A table starts as one range (below the first mark) and a rebuilt
 * one starts so again (its swap drops the old marks): the first rounds after cut it, a few thousand rows a mark.
 * <p>
 * A split must count the rows on each side of the new mark while no write moves one across it: a writer that
 * found the range of a row before the mark was there would count it in the wrong one. So each round of splits
 * holds the table in {@code SHARE} mode, which waits for the writes under way and holds new ones back for the
 * round's few milliseconds (each split steps over one range's index entries), and the counts' compaction lock,
 * which keeps the compaction and other instances out. Ranges that shrink are not merged: they cost their count
 * a read.
 */
@Component
public class OrderMarks {

    /** The rows a new mark leaves below it in its range. The system property lowers it in the tests. */
    static final long ROWS = Long.getLong("crm.lists.range-rows", 2_000);
    /** The orderings cut into ranges: table to the columns whose lower-cased values they order by. */
    static final Map<String, List<String>> RANGED = Map.of("contact", List.of("last_name", "email"));
    /** Splits per round (per transaction): each waits for the table, so rounds are short. */
    private static final int SPLITS_PER_ROUND = 16;
    /** How long the marks may take per run, in rounds, before they leave the rest to the next run. */
    private static final int ROUNDS_PER_RUN = 25;

    private static final Logger LOG = LoggerFactory.getLogger(OrderMarks.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    OrderMarks(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${crm.counts.compact-interval:2s}",
            initialDelayString = "${crm.counts.compact-interval:2s}")
    public void lay() {
        RANGED.forEach((table, columns) -> columns.forEach(column -> {
            try {
                for (int round = 0; round < ROUNDS_PER_RUN && largest(table, column) >= 2 * ROWS; round++) {
                    Integer split = transaction.execute(status -> splitRound(table, column));
                    if (split == null || split == 0) {
                        return;
                    }
                }
            } catch (DataAccessException | TransactionException e) {
                // The table or the counts are held (a swap, a compaction), or the database is away: next run.
                LOG.debug("Laying the marks of {}.{} skipped: {}", table, column, e.getMessage());
            }
        }));
    }

    /** Splits the largest ranges under the locks, up to a round's worth; returns how many. */
    private int splitRound(String table, String column) {
        // Waited for: a compaction or another instance's round is short, and writers do not wait for this lock.
        jdbc.execute("SET LOCAL lock_timeout = '1s'");
        jdbc.execute("LOCK TABLE read_model.row_count IN SHARE UPDATE EXCLUSIVE MODE");
        // Not long: while this waits for the writes under way, the writes that come after wait for it.
        jdbc.execute("SET LOCAL lock_timeout = '50ms'");
        jdbc.execute("LOCK TABLE read_model." + table + " IN SHARE MODE");
        int splits = 0;
        while (splits < SPLITS_PER_ROUND) {
            // Exact now: no write is under way and none of the range's deltas is being folded.
            List<Map<String, Object>> largest = jdbc.queryForList(RANGES + " WHERE n >= ? ORDER BY n DESC LIMIT 1",
                    table, column, table, column, 2 * ROWS);
            if (largest.isEmpty()) {
                break;
            }
            split(table, column, largest.get(0));
            splits++;
        }
        return splits;
    }

    /** Lays a mark after the first {@link #ROWS} rows of {@code range} and splits its count. */
    private void split(String table, String column, Map<String, Object> range) {
        long mark = ((Number) range.get("mark")).longValue();
        long n = ((Number) range.get("n")).longValue();
        String key = "lower(t." + column + ")";
        String above = mark == 0 ? "" : " AND (" + key + ", t.id) > (?, ?)";
        Object[] bounds = mark == 0 ? new Object[] {ROWS - 1} : new Object[] {range.get("sort_key"), range.get("id"), ROWS - 1};
        Map<String, Object> at = jdbc.queryForMap("SELECT " + key + " AS sort_key, t.id FROM read_model." + table
                + " t WHERE " + key + " IS NOT NULL" + above + " ORDER BY " + key + ", t.id OFFSET ? LIMIT 1", bounds);
        Long laid = jdbc.queryForObject("""
                INSERT INTO read_model.order_mark (table_name, ordering, sort_key, id) VALUES (?, ?, ?, ?)
                RETURNING mark""", Long.class, table, column, at.get("sort_key"), at.get("id"));
        jdbc.update("DELETE FROM read_model.row_count WHERE table_name = ? AND key = ?", table, column + "#" + mark);
        jdbc.update("""
                INSERT INTO read_model.row_count (table_name, key, n, fresh) VALUES (?, ?, ?, false), (?, ?, ?, false)""",
                table, column + "#" + mark, ROWS, table, column + "#" + laid, n - ROWS);
    }

    /** The size of the largest range of {@code column}'s ordering, as the counts say now. */
    private long largest(String table, String column) {
        Long n = jdbc.queryForObject("SELECT coalesce(max(n), 0) FROM (" + RANGES + ") r", Long.class,
                table, column, table, column);
        return n == null ? 0 : n;
    }

    /** Each range of a table's ordering (parameters: the table, the column, twice) with its count. */
    private static final String RANGES = """
            SELECT * FROM (
                SELECT r.mark, r.sort_key, r.id, (SELECT coalesce(sum(c.n), 0) FROM read_model.row_count c
                                                   WHERE c.table_name = r.table_name
                                                     AND c.key = r.ordering || '#' || r.mark) AS n
                  FROM (SELECT 0::bigint AS mark, NULL::text AS sort_key, NULL::text AS id, ?::text AS table_name,
                               ?::text AS ordering
                        UNION ALL
                        SELECT mark, sort_key, id, table_name, ordering FROM read_model.order_mark
                         WHERE table_name = ? AND ordering = ?) r) ranged""";
}
