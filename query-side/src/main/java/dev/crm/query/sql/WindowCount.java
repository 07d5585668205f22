package dev.crm.query.sql;

import dev.crm.query.sql.SqlWhere.Window;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The exact count of a time window on a column whose rows {@code row_count} counts per hour (key: the column,
 * {@code hour}: the hour of the column's value, in UTC): the kept counts of the whole hours inside the window,
 * and the rows of the two partial hours at its ends, counted through the column's index. A window of a year
 * reads a few thousand kept counts instead of a million rows.
 */
final class WindowCount {

    private WindowCount() {
    }

    /** Empty when the window holds no whole hour: its rows are as few to count as a partial hour's. */
    static OptionalLong of(NamedParameterJdbcTemplate jdbc, String table, String column, Window window) {
        // The first whole hour begins after the window's start (a row at the start itself is outside), the
        // last one ends by the window's end.
        Instant from = window.after() == null ? null
                : window.after().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        Instant to = window.before() == null ? null : window.before().truncatedTo(ChronoUnit.HOURS);
        if (from != null && to != null && !from.isBefore(to)) {
            return OptionalLong.empty();
        }
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("table", table).addValue("key", column);
        List<String> hours = new ArrayList<>(List.of("table_name = :table", "key = :key"));
        List<String> sum = new ArrayList<>();
        String rows = "(SELECT count(*) FROM read_model." + table + " t WHERE t." + column;
        if (from != null) {
            params.addValue("after", Timestamp.from(window.after())).addValue("from", Timestamp.from(from));
            hours.add("hour >= :from");
            sum.add(rows + " > :after AND t." + column + " < :from)");
        }
        if (to != null) {
            params.addValue("to", Timestamp.from(to)).addValue("before", Timestamp.from(window.before()));
            hours.add("hour < :to");
            sum.add(rows + " >= :to AND t." + column + " < :before)");
        }
        sum.add("(SELECT coalesce(sum(n), 0) FROM read_model.row_count WHERE " + String.join(" AND ", hours) + ")");
        Long count = jdbc.queryForObject("SELECT " + String.join(" + ", sum), params, Long.class);
        return OptionalLong.of(count == null ? 0 : count);
    }
}
