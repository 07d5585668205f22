package dev.crm.query.sql;

import dev.crm.query.sql.SqlWhere.Window;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.List;

/**
 * The ids of a slice of a time window in the order of the column an index on the window's hours keeps each
 * hour's rows in (the audit log: the position), walked along that column's own index from the window's edge:
 * its last row for a page newest first, its first for oldest first. The edge is the last (first) row of each
 * hour the window spans, found at the end of each hour in the hour index. Where times and positions advance
 * together, as they do when events are logged as they happen, the window's rows lie side by side along the
 * positions, and the slice is found by stepping over the rows before it and no other: a week's page 10 of the
 * audit log steps over 180 entries, where taking each of its 168 hours' first 200 ({@link HourMerge}) read
 * 33,600 and sorted them.
 * <p>
 * Rows of other times between the window's (an event whose time is older than those logged before it) are
 * stepped over too, so the walk is bounded ({@link #steps}): a slice it does not complete within that many
 * rows is found by {@link HourMerge} or by sorting the window's rows, as before. The caller knows the slice's
 * size from the window's exact count, so a short answer is never taken for the page.
 */
final class WindowWalk {

    /** The most hours a window may span to be walked: one look-up at the end of each. A month's. */
    static final int MOST_HOURS = 31 * 24;

    private WindowWalk() {
    }

    /**
     * The statement (parameters: those {@link #bind} binds, {@code limit} and {@code offset}) that selects the
     * ids of a slice of the rows of {@code table} in a time window of {@code column}, in {@code direction} of
     * {@code order}, then of the id.
     */
    static String ids(String table, String column, String order, String direction) {
        boolean newestFirst = direction.equals(" DESC");
        return """
                SELECT w.id
                  FROM (SELECT t.id, %3$s AS sort_key, t.%4$s AS at FROM read_model.%2$s t
                         WHERE %3$s %5$s (
                               SELECT %6$s(e.sort_key)
                                 FROM %7$s
                                      CROSS JOIN LATERAL (
                                          SELECT %3$s AS sort_key FROM read_model.%2$s t
                                           WHERE %8$s
                                           ORDER BY %3$s%1$s LIMIT 1) e)
                         ORDER BY %3$s%1$s, t.id%1$s LIMIT :steps) w
                 WHERE w.at > :windowAfter AND w.at < :windowBefore
                 ORDER BY w.sort_key%1$s, w.id%1$s LIMIT :limit OFFSET :offset"""
                .formatted(direction, table, order, column, newestFirst ? "<=" : ">=", newestFirst ? "max" : "min",
                        HourMerge.HOURS, HourMerge.inHour(column));
    }

    /** Binds the parameters of {@link #ids} for {@code window}, its {@code hours}, and {@code slice}. */
    static MapSqlParameterSource bind(MapSqlParameterSource params, Window window, List<String> hours, Slice slice) {
        return HourMerge.bindHours(params, window, hours).addValue("steps", steps(slice));
    }

    /**
     * How many rows from the edge the walk steps over at most: twice the rows up to the slice's end, and a
     * hundred more, so that a few rows of other times among the window's (events logged in the same moments
     * with times a little apart) do not send the slice to the slower ways.
     */
    static long steps(Slice slice) {
        return 2 * (slice.offset() + slice.limit()) + 100;
    }
}
