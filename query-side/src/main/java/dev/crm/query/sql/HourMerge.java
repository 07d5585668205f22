package dev.crm.query.sql;

import dev.crm.query.sql.SqlWhere.Window;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ids of a slice of a time window in an order that an index on the hour of the window's column keeps each
 * hour's rows in (the audit log: the hour of {@code occurred_at}, then the position), found from the first
 * rows of each hour the window spans instead of from all its rows sorted. The first page of a day of the
 * audit log reads 24 hours' first 20 entries, about 500, where it read and sorted all of the day's 9,000.
 * The ordering's values of one hour are not bunched apart from another's (an event's position is given as it
 * is appended, its time as it is made), so every hour's first rows are read, and the slice is taken from them
 * all: exact whatever order the hours' rows are in. For a slice it does not take (deeper, or of a window open at
 * one end), {@link #walkIsLonger} tells whether the window's rows are better sorted than the index walked.
 */
final class HourMerge {

    private HourMerge() {
    }

    /**
     * The statement (parameters: those {@link #bind} binds, {@code limit} and {@code offset}) that selects the
     * ids of a slice of the rows of {@code table} in a time window of {@code column}, in {@code direction} of
     * {@code order}, then of the id.
     */
    static String ids(String table, String column, String order, String direction) {
        return """
                SELECT m.id
                  FROM %5$s
                       CROSS JOIN LATERAL (
                           SELECT t.id, %3$s AS sort_key FROM read_model.%2$s t
                            WHERE %6$s
                            ORDER BY %3$s%1$s, t.id%1$s LIMIT :perHour) m
                 ORDER BY m.sort_key%1$s, m.id%1$s LIMIT :limit OFFSET :offset"""
                .formatted(direction, table, order, column, HOURS, inHour(column));
    }

    /** Binds the parameters of {@link #ids} for {@code window}, its {@code hours}, and {@code slice}. */
    static MapSqlParameterSource bind(MapSqlParameterSource params, Window window, List<String> hours, Slice slice) {
        return bindHours(params, window, hours).addValue("perHour", slice.offset() + slice.limit());
    }

    /**
     * The hours a window spans, numbered ({@code h.hour}, {@code h.n}), as {@link #bindHours} binds them. They
     * come as an array rather than from generate_series: the planner then knows how many there are (it guesses a
     * thousand rows of any set-returning function) and does not take the statement for costly enough to be
     * compiled first (JIT: tens of ms).
     */
    static final String HOURS = "unnest(CAST(:hours AS timestamp[])) WITH ORDINALITY AS h(hour, n)";

    /**
     * The condition on a row {@code t} of being in the window and in hour {@code h} of {@link #HOURS}. The window's
     * ends matter only in its first and last hours: every other hour lies inside it. Said so, the ends cannot be
     * looked up in an index of the column, which the planner would otherwise pick for every hour (it finds the
     * window's rows that way, and then each hour's among them: all the window's rows once per hour).
     */
    static String inHour(String column) {
        return """
                date_trunc('hour', t.%1$s AT TIME ZONE 'UTC') = h.hour
                AND (h.n > 1 OR t.%1$s > :windowAfter) AND (h.n < :hourCount OR t.%1$s < :windowBefore)"""
                .formatted(column);
    }

    /** Binds {@link #HOURS} and the window's bounds {@link #inHour} reads. */
    static MapSqlParameterSource bindHours(MapSqlParameterSource params, Window window, List<String> hours) {
        return params.addValue("hours", hours.toArray(String[]::new)).addValue("hourCount", hours.size())
                .addValue("windowAfter", Timestamp.from(window.after()))
                .addValue("windowBefore", Timestamp.from(window.before()));
    }

    /**
     * The hours (UTC, as PostgreSQL reads a {@code timestamp}) that {@code window}, bounded at both ends, spans:
     * from the one its start is in to the one its last instant is in (it ends before {@code before}, to the
     * microsecond); empty when they are more than {@code most}.
     */
    static Optional<List<String>> hours(Window window, long most) {
        Instant first = window.after().truncatedTo(ChronoUnit.HOURS);
        Instant last = window.before().minus(1, ChronoUnit.MICROS).truncatedTo(ChronoUnit.HOURS);
        if (ChronoUnit.HOURS.between(first, last) >= most) {
            return Optional.empty();
        }
        List<String> hours = new ArrayList<>();
        for (Instant hour = first; !hour.isAfter(last); hour = hour.plus(1, ChronoUnit.HOURS)) {
            hours.add(LocalDateTime.ofInstant(hour, ZoneOffset.UTC).toString());
        }
        return Optional.of(hours);
    }

    /**
     * Whether walking the ordering's index from the end {@code fromLatest} names to the {@code entries}-th row of
     * {@code window} (of {@code count} rows, on {@code column}, which {@code row_count} counts per hour) steps
     * over more entries than the window has rows: all those beyond the window's end (counted from the kept
     * hours), and those of other times among its own (as many more as the table has rows for each of the
     * window's). A deep page of a week of the audit log months ago walked the
     * position index from today's end, every entry's row checked against the window: 15 s, where sorting the
     * week's rows takes tens of ms.
     */
    static boolean walkIsLonger(NamedParameterJdbcTemplate jdbc, String table, String column, Window window,
                                boolean fromLatest, long entries, long count) {
        Instant end = fromLatest ? window.before() : window.after();
        long beyond = end == null ? 0 : WindowCount.of(jdbc, table, column, fromLatest
                ? new Window(window.column(), end, null) : new Window(window.column(), null, end)).orElse(0);
        return beyond + entries * RowCounts.kept(jdbc, table, "") / count > count;
    }
}
