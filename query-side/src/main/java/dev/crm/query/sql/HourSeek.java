package dev.crm.query.sql;

/**
 * The ids of a deep page of a list ordered by a column whose rows {@code row_count} counts per hour (see
 * {@link WindowCount}), found without stepping over every row before the page: the kept counts, summed hour by
 * hour from the end the slice is read from, say in which hour the slice begins and how many of that hour's
 * rows come before it, and only those are stepped over. Page 2,000 of a million contacts by creation time
 * reads about 350 kept counts and a few dozen index entries instead of 40,000 index entries. A list of one
 * counted value (a stage) is counted per day instead: page 2,000 of a quarter of a million contacts reads about
 * 70 days' counts and steps over at most a day of that stage's rows, where it read 1,700 hours' counts.
 * <p>
 * Reading a kept count costs several times what stepping over an index entry does, and the statement more to
 * plan and run than a plain walk, so the hours are read only for a slice at least {@link #FROM} rows deep, and
 * at most one kept count per {@link #ROWS_PER_HOUR} rows to step over: a list sparse in time where the slice
 * lies (one owner's contacts) does not reach the slice's hour within them and is walked, having paid a
 * sixteenth of the walk more. The hours and the rows are read by one statement, so they agree: a row written
 * meanwhile is in both or in neither.
 */
final class HourSeek {

    /**
     * How many rows before a slice make the hours worth reading; fewer are stepped over in about the time the
     * statement takes to plan. The system property {@code crm.lists.hour-seek-from} sets it (the tests lower
     * it, to page through a few hundred rows this way).
     */
    static final long FROM = Long.getLong("crm.lists.hour-seek-from", 5_000);
    /** How many rows to step over an hour's kept count must stand for at least to be worth reading. */
    static final long ROWS_PER_HOUR = 16;

    private HourSeek() {
    }

    /**
     * A column whose rows {@code row_count} counts per hour for a list, under {@code key}, or per day
     * ({@code daily}): the whole list's hours also count time windows, the hours of each counted value ({@code
     * <column>|<key>}) serve only these pages and are kept per day (a value's rows are sparser in time).
     */
    record Counted(String column, String key, boolean daily) {

        /** The whole list's rows, per hour of {@code column} (key: the column's name). */
        static Counted hourly(String column) {
            return new Counted(column, column, false);
        }

        /** The rows of one counted value ({@code stage=engaged}), per day of {@code column}. */
        static Counted daily(String column, String value) {
            return new Counted(column, column + "|" + value, true);
        }
    }

    /**
     * The statement (parameters {@code limit}, {@code offset}, {@code seekTable}, {@code seekKey}: the key
     * counting per hour the rows {@code where} selects, {@code seekHours}: {@link #hours}, and those of
     * {@code where}) that selects the ids of a slice of those rows of {@code table} in {@code direction} of
     * {@code column}, then of the id.
     */
    static String ids(Counted counted, String table, String direction, SqlWhere where) {
        boolean descending = direction.trim().equals("DESC");
        String column = counted.column();
        // 24 hours, not a day: a day added to a timestamptz follows the session's time zone, 23 or 25 hours
        // across its daylight-saving changes; the days are UTC's.
        String width = counted.daily() ? "24 hours" : "1 hour";
        String start = descending
                ? "t." + column + " < coalesce((SELECT hour FROM start) + interval '" + width + "', 'infinity')"
                : "t." + column + " >= coalesce((SELECT hour FROM start), '-infinity')";
        // The window functions run over the kept counts in the hours' order (the index on row_count keeps a
        // key's in order; an hour may have several, its deltas) and the LIMIT stops them at the slice's hour,
        // so only the counts before the slice are read. "before" sums the hours before the row's own: those
        // at least a second away, as hours (days) are whole hours apart. Sums of integers: a sum of bigints is a
        // numeric, three times slower to add up (a day's rows fit). No start hour: the whole walk.
        return """
                WITH start AS (
                    SELECT hour, before FROM (
                        SELECT hour, sum(n) OVER (ORDER BY hour%1$s) AS through,
                               coalesce(sum(n) OVER (ORDER BY hour%1$s RANGE BETWEEN UNBOUNDED PRECEDING
                                                     AND interval '1 second' PRECEDING), 0) AS before
                          FROM (SELECT hour, n::integer AS n FROM read_model.row_count
                                 WHERE table_name = :seekTable AND key = :seekKey
                                 ORDER BY hour%1$s LIMIT :seekHours) h) c
                     WHERE through > :offset ORDER BY hour%1$s LIMIT 1)
                SELECT t.id FROM read_model.%2$s t%3$s
                 ORDER BY t.%4$s%1$s, t.id%1$s
                 LIMIT :limit OFFSET coalesce((SELECT :offset - before FROM start), :offset)"""
                .formatted(direction, table, where.sql(start), column);
    }

    /** How many kept counts a slice {@code offset} rows from its end may read. */
    static long hours(long offset) {
        return Math.max(1, offset / ROWS_PER_HOUR);
    }
}
