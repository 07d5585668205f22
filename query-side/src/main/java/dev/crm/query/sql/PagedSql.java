package dev.crm.query.sql;

import dev.crm.api.common.Page;
import dev.crm.api.common.PageQuery;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Runs one page of a list query: the total count and the requested slice, ordered by an allowed field
 * with the id as tie-breaker so that pages never overlap or skip.
 * <p>
 * What keeps it fast on big tables: the count comes from the counts the table's triggers keep
 * ({@code row_count}) when the filter is one they count (none, or one equality on a {@code counted}
 * column, or a time window on the column they count per hour); the page's ids are found first, in a
 * statement that an index on the ordering and the filter answers without touching the rows it skips (an
 * index-only scan, however deep the page), from the nearer end of the list ({@link Slice}), or, deep in
 * a list ordered by a column counted per hour, from the hour the page begins in ({@link HourSeek}), or by
 * a column of few values counted per value, from the value it begins at ({@link ValueSeek}), or by a text
 * key counted per range between marks, from the range it begins in ({@link RangeSeek}); the
 * pages of a time window in the order its hours' index keeps, from the window's edge along that order
 * ({@link WindowWalk}) or else from the first rows of each hour it spans ({@link HourMerge}); only the
 * page's own rows are then read and joined. A text search counts and pages in one pass over its
 * matches, found by the term's rarest trigrams ({@link RareTrigrams}). A page as of an instant is read from
 * the table's versions ({@link PagedVersions}).
 *
 * @param select       the SELECT ... FROM read_model.&lt;table&gt; t (with joins) of the rows
 * @param table        the main table, {@code read_model.<table>}
 * @param orderColumns API field name to SQL expression, the only fields a client may order by
 * @param counted      the columns whose values {@code row_count} counts for this table (see
 *                     {@link SqlWhere#countKey()}); empty when it keeps no counts
 * @param countedHours the column whose rows {@code row_count} counts per hour ({@link WindowCount}), or null
 * @param daysOfEachKey whether it also counts per day the rows of each counted value ({@link HourSeek})
 * @param hourIndexed  the ordering that an index on the hour of {@code countedHours} orders each hour's rows
 *                     by ({@link HourMerge}), or null
 * @param seekHours    more columns whose rows {@code row_count} counts per hour, for the whole list only (key: the
 *                     column's name), so that deep pages in their order begin at their hour ({@link HourSeek})
 * @param seekValues   an ordering whose rows {@code row_count} counts per value, for the whole list only, so that
 *                     deep pages in its order begin at their value ({@link ValueSeek}), or null
 * @param seekRanges   orderings (their SQL expressions) whose rows {@code row_count} counts per range between marks,
 *                     for the whole list only, so that deep pages in their order begin at their range
 *                     ({@link RangeSeek})
 */
public record PagedSql<T>(String select, String table, Map<String, String> orderColumns, RowMapper<T> rows,
                          Set<String> counted, String countedHours, boolean daysOfEachKey, String hourIndexed,
                          Set<String> seekHours, ValueSeek seekValues, Map<String, RangeSeek> seekRanges) {

    /** How many rows a time window may hold for its rows to be found first and then sorted. */
    private static final long FEW = 50_000;
    /** The slice of the ids a page's statement orders. */
    private static final String SLICE = " LIMIT :limit OFFSET :offset";
    /** Sort keys that advance with time: a time window's rows are bunched together along them. */
    private static final Set<String> ADVANCING_WITH_TIME = Set.of("t.created_at", "t.updated_at", "t.position");

    public PagedSql(String select, String table, Map<String, String> orderColumns, RowMapper<T> rows) {
        this(select, table, orderColumns, rows, Set.of(), null, false, null, Set.of(), null, Map.of());
    }

    /** The same query, also orderable by these API fields (to their SQL expressions). */
    public PagedSql<T> orderableBy(Map<String, String> more) {
        Map<String, String> columns = new HashMap<>(orderColumns);
        columns.putAll(more);
        return new PagedSql<>(select, table, Map.copyOf(columns), rows, counted, countedHours, daysOfEachKey,
                hourIndexed, seekHours, seekValues, seekRanges);
    }

    /** The same query, counted from {@code row_count}, which counts these columns' values for the table. */
    public PagedSql<T> counting(String... columns) {
        return new PagedSql<>(select, table, orderColumns, rows, Set.of(columns), countedHours, daysOfEachKey,
                hourIndexed, seekHours, seekValues, seekRanges);
    }

    /** The same query, its time windows on {@code column} counted from the hours {@code row_count} keeps. */
    public PagedSql<T> countingHours(String column) {
        return new PagedSql<>(select, table, orderColumns, rows, counted, column, false, null, seekHours, seekValues,
                seekRanges);
    }

    /**
     * The same query, its time windows ({@link #countingHours}) ordered by {@code order} paged from the first rows
     * of each hour they span, which an index on the hour of the counted column, then {@code order}, then the id
     * holds in that order ({@link HourMerge}).
     */
    public PagedSql<T> pagingWindowsByHour(String order) {
        return new PagedSql<>(select, table, orderColumns, rows, counted, countedHours, daysOfEachKey, order,
                seekHours, seekValues, seekRanges);
    }

    /**
     * The same query, counted per hour of {@code column} ({@link #countingHours}) in all, and per day for each
     * counted value ({@code row_count} key {@code <column>|<key>}): deep pages in that column's order of the whole
     * list or of one counted value begin at the hour or the day the counts say ({@link HourSeek}).
     */
    public PagedSql<T> countingDaysOfEachKey(String column) {
        return new PagedSql<>(select, table, orderColumns, rows, counted, column, true, hourIndexed, seekHours,
                seekValues, seekRanges);
    }

    /**
     * The same query, its whole list counted per hour of {@code column} too ({@code row_count} key
     * {@code <column>}): deep pages of the whole list in that column's order begin at the hour the counts say
     * ({@link HourSeek}).
     */
    public PagedSql<T> seekingHoursOf(String column) {
        Set<String> columns = new HashSet<>(seekHours);
        columns.add(column);
        return new PagedSql<>(select, table, orderColumns, rows, counted, countedHours, daysOfEachKey, hourIndexed,
                Set.copyOf(columns), seekValues, seekRanges);
    }

    /**
     * The same query, its whole list counted per value of the API field {@code field} too ({@code row_count} key
     * {@code prefix<value>}, values {@code min} to {@code max}): deep pages of the whole list in that field's
     * order begin at the value the counts say ({@link ValueSeek}).
     */
    public PagedSql<T> seekingValuesOf(String field, String prefix, int min, int max) {
        return new PagedSql<>(select, table, orderColumns, rows, counted, countedHours, daysOfEachKey, hourIndexed,
                seekHours, new ValueSeek(orderColumns.get(field), prefix, min, max), seekRanges);
    }

    /**
     * The same query, its whole list counted per range of the API field {@code field}'s order too, which orders
     * by the lower-cased {@code column} ({@code row_count} key {@code <column>#<mark>}, ranges cut by
     * {@link OrderMarks}): deep pages of the whole list in that order begin at the range the counts say
     * ({@link RangeSeek}).
     */
    public PagedSql<T> seekingRangesOf(String field, String column) {
        Map<String, RangeSeek> ranges = new HashMap<>(seekRanges);
        ranges.put(orderColumns.get(field), new RangeSeek(orderColumns.get(field), column));
        return new PagedSql<>(select, table, orderColumns, rows, counted, countedHours, daysOfEachKey, hourIndexed,
                seekHours, seekValues, Map.copyOf(ranges));
    }

    public Page<T> run(NamedParameterJdbcTemplate jdbc, SqlWhere where, PageQuery page) {
        // Narrowed in place: the filters are this request's own. (As of an instant too: the versions' text is
        // written as the live table's is, so the live table's rare trigrams are theirs.)
        where.searchTextTerm().flatMap(term -> RareTrigrams.pieces(jdbc, table, term))
                .ifPresent(where::narrowSearchText);
        if (page.asOf() != null) {
            return new PagedVersions<>(this).run(jdbc, where, page, countKey(where));
        }
        String order = orderColumns.get(page.orderBy());
        if (where.searches()) {
            // A text search costs most in the index lookup: count and page come from one pass over the matches.
            Optional<Page<T>> found = onePass(jdbc, where, page, order);
            if (found.isPresent()) {
                return found.get();
            }
        }
        long count = count(jdbc, where);
        if (count <= page.offset()) {
            return new Page<>(count, List.of());
        }
        Slice slice = Slice.of(page, count);
        String direction = slice.direction(page.descending());
        MapSqlParameterSource params = new MapSqlParameterSource(where.params().getValues())
                .addValue("limit", slice.limit())
                .addValue("offset", slice.offset());
        Optional<List<T>> walked = walkFromWindowEdge(jdbc, where, order, page, slice, count, direction);
        if (walked.isPresent()) {
            return new Page<>(count, walked.get());
        }
        Optional<List<T>> ranged = seekRange(jdbc, where, order, page, slice, count, direction);
        if (ranged.isPresent()) {
            return new Page<>(count, ranged.get());
        }
        Optional<HourSeek.Counted> seek = seek(where, order, slice);
        Optional<List<String>> windowHours = windowHours(where, order, slice, count);
        String ids;
        if (windowHours.isPresent()) {
            ids = HourMerge.ids(table, countedHours, order, direction);
            HourMerge.bind(params, where.window().orElseThrow(), windowHours.get(), slice);
        } else if (count <= FEW && !where.ranges().isEmpty() && !where.ranges().contains(order)
                && (ADVANCING_WITH_TIME.contains(order) || !fewEntriesToWalk(jdbc, slice, count))
                || farFromWindow(jdbc, where, order, slice, direction, count)) {
            // A time window ordered by another column: the window's few rows first, then sorted. Walking the
            // ordering's index would step over every row outside the window: a later time's, if the ordering
            // advances with time (the planner, unaware that the two columns go together, expects the window's
            // rows to be spread evenly along it), or too many of them before a deep page.
            ids = "SELECT k.id FROM (SELECT t.id, " + order + " AS sort_key " + from() + where.sql()
                    + " OFFSET 0) k ORDER BY k.sort_key" + direction + ", k.id" + direction + SLICE;
        } else if (seek.isPresent()) {
            ids = HourSeek.ids(seek.get(), table, direction, where);
            params.addValue("seekTable", table).addValue("seekKey", seek.get().key())
                    .addValue("seekHours", HourSeek.hours(slice.offset()));
        } else if (seeksValue(where, order, slice)) {
            ids = seekValues.ids(table, direction);
            params.addValue("seekTable", table).addValue("seekKeys", seekValues.keys());
        } else {
            ids = "SELECT t.id " + from() + where.sql() + " ORDER BY " + order + direction + ", t.id" + direction
                    + SLICE;
        }
        return new Page<>(count, jdbc.query(rowsOf("unnest(ARRAY(" + ids + "))", slice.pageOrder()), params, rows));
    }

    /**
     * The rows of a slice of a time window found by walking its ordering's index from the window's edge
     * ({@link WindowWalk}); empty when the window is not one to walk or the walk did not reach the slice's end.
     */
    private Optional<List<T>> walkFromWindowEdge(NamedParameterJdbcTemplate jdbc, SqlWhere where, String order,
                                                 PageQuery page, Slice slice, long count, String direction) {
        Optional<SqlWhere.Window> window = hourIndexedWindow(where, order)
                .filter(w -> w.after() != null && w.before() != null);
        Optional<List<String>> hours = window.flatMap(w -> HourMerge.hours(w, WindowWalk.MOST_HOURS));
        if (hours.isEmpty()) {
            return Optional.empty();
        }
        MapSqlParameterSource params = WindowWalk.bind(new MapSqlParameterSource()
                .addValue("limit", slice.limit()).addValue("offset", slice.offset()), window.get(), hours.get(), slice);
        List<T> found = jdbc.query(rowsOf("unnest(ARRAY(" + WindowWalk.ids(table, countedHours, order, direction)
                + "))", slice.pageOrder()), params, rows);
        return found.size() == Math.min(page.offset() + page.limit(), count) - page.offset()
                ? Optional.of(found) : Optional.empty();
    }

    /**
     * The rows of a deep slice of the whole list in an order counted per range, found from the range it begins in
     * ({@link RangeSeek}); empty when the list is not one to seek so or the ranges did not place the slice.
     */
    private Optional<List<T>> seekRange(NamedParameterJdbcTemplate jdbc, SqlWhere where, String order,
                                        PageQuery page, Slice slice, long count, String direction) {
        RangeSeek ranges = seekRanges.get(order);
        if (ranges == null || slice.offset() < HourSeek.FROM || countKey(where).filter(String::isEmpty).isEmpty()) {
            return Optional.empty();
        }
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("limit", slice.limit())
                .addValue("offset", slice.offset()).addValue("seekTable", table);
        List<T> found = jdbc.query(rowsOf("unnest(ARRAY(" + ranges.ids(table, direction) + "))", slice.pageOrder()),
                params, rows);
        return found.size() == Math.min(page.offset() + page.limit(), count) - page.offset()
                ? Optional.of(found) : Optional.empty();
    }

    /**
     * The page and its count from one pass over the matching rows, found by the filters' best index and then
     * sorted; empty when the page is past the last match, whose count this cannot tell.
     */
    private Optional<Page<T>> onePass(NamedParameterJdbcTemplate jdbc, SqlWhere where, PageQuery page, String order) {
        // OFFSET 0 keeps the planner from merging the two steps.
        OnePass found = OnePass.of(jdbc, "(SELECT t.id, " + order + " AS sort_key " + from() + where.sql()
                + " OFFSET 0) k", new MapSqlParameterSource(where.params().getValues()), page);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Page<>(found.total(), jdbc.query(rowsOf("unnest(:ids::text[])", " ASC"),
                Map.of("ids", found.idArray()), rows)));
    }

    /** The rows of the ids {@code keys} (an array) yields, in its order ({@code " ASC"}) or the opposite. */
    private String rowsOf(String keys, String order) {
        return Rows.byIds(select, table, keys + " WITH ORDINALITY AS k(id, n)") + " ORDER BY k.n" + order;
    }

    /**
     * Whether walking an ordering's index, along which a window's {@code count} rows are spread evenly, reaches
     * the end of the slice in fewer entries than half the rows the window would have to sort (each walked
     * entry is checked against the window in its row, as each sorted row is read). A name's index walked for
     * the first page of a week of a million contacts: about a thousand entries instead of 20,000 rows sorted.
     */
    private boolean fewEntriesToWalk(NamedParameterJdbcTemplate jdbc, Slice slice, long count) {
        if (counted.isEmpty()) {
            return false;
        }
        return (slice.offset() + slice.limit()) * RowCounts.kept(jdbc, table, "") / count <= count / 2;
    }

    /**
     * The column and the key of {@code row_count} that counts per hour (the whole list's) or per day (one counted
     * value's) the rows of a deep slice's list, when it is ordered by that column: then the hours or days say
     * where it begins ({@link HourSeek}).
     */
    private Optional<HourSeek.Counted> seek(SqlWhere where, String order, Slice slice) {
        if (slice.offset() < HourSeek.FROM) {
            return Optional.empty();
        }
        Optional<String> key = countKey(where);
        if (countedHours != null && order.equals("t." + countedHours)) {
            return key.filter(k -> k.isEmpty() || daysOfEachKey)
                    .map(k -> k.isEmpty() ? HourSeek.Counted.hourly(countedHours)
                            : HourSeek.Counted.daily(countedHours, k));
        }
        String column = order.substring(order.indexOf('.') + 1);
        return key.filter(k -> k.isEmpty() && order.equals("t." + column) && seekHours.contains(column))
                .map(k -> HourSeek.Counted.hourly(column));
    }

    /** Whether a deep slice of the whole list is in the order whose rows {@code row_count} counts per value. */
    private boolean seeksValue(SqlWhere where, String order, Slice slice) {
        return seekValues != null && order.equals(seekValues.order()) && slice.offset() >= HourSeek.FROM
                && countKey(where).filter(String::isEmpty).isPresent();
    }

    /**
     * The hours a time window spans whose slice is found from the first rows of each hour ({@link HourMerge}):
     * where the list is only that window, bounded at both ends, ordered as the hour index orders each hour, and
     * the hours' first rows are no more than the window's rows (those are read and sorted otherwise, as many
     * index entries, each about as costly as one of the hours').
     */
    private Optional<List<String>> windowHours(SqlWhere where, String order, Slice slice, long count) {
        return hourIndexedWindow(where, order)
                .filter(w -> w.after() != null && w.before() != null)
                .flatMap(w -> HourMerge.hours(w, count / Math.max(1, slice.offset() + slice.limit())));
    }

    /**
     * Whether a slice of a time window ordered as the hour index orders each hour is found sooner by sorting the
     * window's rows than by walking the ordering's index ({@link HourMerge#walkIsLonger}).
     */
    private boolean farFromWindow(NamedParameterJdbcTemplate jdbc, SqlWhere where, String order, Slice slice,
                                  String direction, long count) {
        return hourIndexedWindow(where, order)
                .filter(w -> HourMerge.walkIsLonger(jdbc, table, countedHours, w, direction.equals(" DESC"),
                        slice.offset() + slice.limit(), count))
                .isPresent();
    }

    /** The filters' time window, when they are one on the hour-indexed column, in the hour index's order. */
    private Optional<SqlWhere.Window> hourIndexedWindow(SqlWhere where, String order) {
        return where.window().filter(w -> order.equals(hourIndexed) && w.column().equals("t." + countedHours));
    }

    /** The key of {@code row_count} that counts these filters' rows, if this table keeps it. */
    private Optional<String> countKey(SqlWhere where) {
        return where.countKey()
                .filter(k -> !counted.isEmpty() && (k.isEmpty() || counted.contains(k.split("=", 2)[0])));
    }

    private long count(NamedParameterJdbcTemplate jdbc, SqlWhere where) {
        Optional<String> key = countKey(where);
        if (key.isPresent()) {
            return RowCounts.kept(jdbc, table, key.get());
        }
        Optional<SqlWhere.Window> window = where.window().filter(w -> w.column().equals("t." + countedHours));
        if (countedHours != null && window.isPresent()) {
            OptionalLong inWindow = WindowCount.of(jdbc, table, countedHours, window.get());
            if (inWindow.isPresent()) {
                return inWindow.getAsLong();
            }
        }
        Long count = jdbc.queryForObject("SELECT count(*) " + from() + where.sql(), where.params(), Long.class);
        return count == null ? 0 : count;
    }

    /** The main table, without the joins: what the filters, the count and a page's ids need. */
    private String from() {
        return "FROM read_model." + table + " t";
    }
}
