package dev.crm.query.sql;

import java.util.stream.IntStream;

/**
 * The ids of a deep page of a whole list ordered by a column of few integer values whose rows
 * {@code row_count} counts per value (key {@code <prefix><value>}), found as {@link HourSeek} finds them by
 * hour: the counts, summed value by value from the end the slice is read from, say at which value the slice
 * begins and how many rows of that value come before it, and only those are stepped over. Page 2,000 of
 * 200,000 leads by score reads 102 counts and the entries of one score before the slice instead of 50,000
 * entries. The counts and the rows are read by one statement, so they agree.
 *
 * @param order  the ordering's SQL expression, which an index on it and the id holds in order
 * @param prefix the key of a value's count without the value ({@code lead_score=})
 * @param min    the lowest value the column can hold
 * @param max    the highest
 */
record ValueSeek(String order, String prefix, int min, int max) {

    /** The keys of every value's count, for the statement's parameter {@code seekKeys}. */
    String[] keys() {
        return IntStream.rangeClosed(min, max).mapToObj(value -> prefix + value).toArray(String[]::new);
    }

    /**
     * The statement (parameters {@code limit}, {@code offset}, {@code seekTable}, {@code seekKeys}: {@link #keys})
     * that selects the ids of a slice of the whole of {@code table} in {@code direction} of the ordering, then of
     * the id. No count reaches the slice (none kept yet): the whole walk.
     */
    String ids(String table, String direction) {
        boolean descending = direction.trim().equals("DESC");
        String start = order + (descending ? " <= coalesce((SELECT value FROM start), " + max + ")"
                : " >= coalesce((SELECT value FROM start), " + min + ")");
        return """
                WITH counts AS (
                    SELECT substr(key, %1$d)::integer AS value, sum(n)::integer AS n FROM read_model.row_count
                     WHERE table_name = :seekTable AND key = ANY(:seekKeys) GROUP BY key),
                start AS (
                    SELECT value, through - n AS before FROM (
                        SELECT value, n, sum(n) OVER (ORDER BY value%2$s) AS through FROM counts) c
                     WHERE through > :offset ORDER BY value%2$s LIMIT 1)
                SELECT t.id FROM read_model.%3$s t WHERE %4$s
                 ORDER BY %5$s%2$s, t.id%2$s
                 LIMIT :limit OFFSET coalesce((SELECT :offset - before FROM start), :offset)"""
                .formatted(prefix.length() + 1, direction, table, start, order);
    }
}
