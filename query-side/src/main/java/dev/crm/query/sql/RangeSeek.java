package dev.crm.query.sql;

/**
 * The ids of a deep page of a whole list ordered by a text key (a name, an email), found as {@link ValueSeek}
 * finds them by value: the ordering is cut into ranges at marks ({@link OrderMarks}), {@code row_count} counts
 * the rows of each range (key {@code <column>#<mark>}, {@code <column>#0} below the first mark, and
 * {@code <column>#-} the rows without the key), and the counts, summed range by range from the end the slice
 * is read from, say at which mark the slice begins and how many of its range's rows come before it; only those
 * are stepped over. The marks are read in their index's order and each range's count only as the sum reaches
 * it, so a slice reads the counts of the ranges before it: page 2,000 of a million contacts by lastName reads
 * about 20 counts and fewer than 4,000 index entries instead of 40,000. The marks, the counts and the rows are
 * read by one statement, so they agree.
 * <p>
 * A range holds the rows above its mark up to and including the next mark, (mark, next], so that ascending a
 * slice begins after its range's mark and descending at the next mark (or at the list's last keyed row). The
 * rows without the key come last ascending and first descending. A slice among them, or ascending one that runs
 * into them, comes back empty or short: the caller then walks the index as without ranges.
 *
 * @param order  the ordering's SQL expression ({@code lower(t.last_name)}), which an index on it and the id holds
 *               in order
 * @param column the column whose key is ranged: the marks' {@code ordering}, the counts' key prefix
 */
record RangeSeek(String order, String column) {

    /**
     * The statement (parameters {@code limit}, {@code offset}, {@code seekTable}) that selects the ids of a slice
     * of the whole of {@code table} in {@code direction} of the ordering, then of the id.
     */
    String ids(String table, String direction) {
        boolean descending = direction.trim().equals("DESC");
        // Each mark with its range's count, in the marks' index order in the direction read: the window's sum is
        // read row by row and the LIMIT above stops it, so the counts of the ranges past the slice are not read.
        String marks = """
                SELECT m.sort_key, m.id, %1$s c.n, sum(c.n) OVER w AS through
                  FROM read_model.order_mark m,
                       LATERAL (SELECT coalesce(sum(r.n), 0)::integer AS n FROM read_model.row_count r
                                 WHERE r.table_name = :seekTable AND r.key = '%2$s#' || m.mark) c
                 WHERE m.table_name = :seekTable AND m.ordering = '%2$s'
                WINDOW w AS (ORDER BY m.sort_key%3$s, m.id%3$s) ORDER BY m.sort_key%3$s, m.id%3$s"""
                .formatted(descending ? "lag(m.sort_key) OVER w AS next_key, lag(m.id) OVER w AS next_id," : "",
                        column, direction);
        String counts = """
                WITH counts AS (
                    SELECT (SELECT coalesce(sum(n), 0) FROM read_model.row_count
                             WHERE table_name = :seekTable AND key = '')::bigint AS total,
                           (SELECT coalesce(sum(n), 0) FROM read_model.row_count
                             WHERE table_name = :seekTable AND key = '%1$s#0')::bigint AS below,
                           (SELECT coalesce(sum(n), 0) FROM read_model.row_count
                             WHERE table_name = :seekTable AND key = '%1$s#-')::bigint AS unkeyed),
                """.formatted(column);
        if (!descending) {
            // Below the first mark, or in the first range whose sum passes the offset.
            return counts + """
                    start AS (
                        (SELECT NULL::text AS sort_key, NULL::text AS id, 0 AS before FROM counts WHERE below > :offset)
                        UNION ALL
                        (SELECT sort_key, id, (SELECT below FROM counts) + through - n FROM (%1$s) ranged
                          WHERE (SELECT below FROM counts) + through > :offset LIMIT 1)
                        LIMIT 1)
                    SELECT t.id FROM read_model.%2$s t
                     WHERE (%3$s, t.id) > (coalesce((SELECT sort_key FROM start), ''), coalesce((SELECT id FROM start), ''))
                     ORDER BY %3$s, t.id
                     LIMIT coalesce((SELECT :limit FROM start), 0) OFFSET coalesce((SELECT :offset - before FROM start), 0)"""
                    .formatted(marks, table, order);
        }
        // After the rows without the key, in the first range (from the top) whose sum passes the offset, or else
        // below the first mark, which ends at the lowest mark.
        return counts + """
                start AS (
                    (SELECT next_key, next_id, (SELECT unkeyed FROM counts) + through - n AS before FROM (%1$s) ranged
                      WHERE (SELECT unkeyed FROM counts) <= :offset AND (SELECT unkeyed FROM counts) + through > :offset
                      LIMIT 1)
                    UNION ALL
                    (SELECT sort_key, id, total - below FROM counts LEFT JOIN LATERAL (
                        SELECT sort_key, id FROM read_model.order_mark
                         WHERE table_name = :seekTable AND ordering = '%4$s' ORDER BY sort_key, id LIMIT 1) m ON true
                      WHERE total - below <= :offset)
                    LIMIT 1),
                last AS (
                    SELECT %3$s AS sort_key, t.id FROM read_model.%2$s t WHERE %3$s IS NOT NULL
                     ORDER BY %3$s DESC, t.id DESC LIMIT 1)
                SELECT t.id FROM read_model.%2$s t
                 WHERE (%3$s, t.id) <= (coalesce((SELECT next_key FROM start), (SELECT sort_key FROM last)),
                                        coalesce((SELECT next_id FROM start), (SELECT id FROM last)))
                 ORDER BY %3$s DESC, t.id DESC
                 LIMIT coalesce((SELECT :limit FROM start), 0) OFFSET coalesce((SELECT :offset - before FROM start), 0)"""
                .formatted(marks, table, order, column);
    }
}
