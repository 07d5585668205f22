package dev.crm.query.sql;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the WHERE clause of a list query from optional filters: a {@code null} filter adds nothing,
 * and filters combine with AND. Values always travel as bind parameters.
 */
public final class SqlWhere {

    private final List<String> conditions = new ArrayList<>();
    private final MapSqlParameterSource params = new MapSqlParameterSource();
    /** What each condition asks, as a key of {@code row_count} ({@code stage=engaged}); null: no such key. */
    private final List<String> countKeys = new ArrayList<>();
    private final Set<String> ranges = new HashSet<>();
    private int bounds;
    private Instant after;
    private Instant before;
    private boolean searches;
    /** The term of a {@link #searchText}, and where its condition is among the conditions. */
    private String searchTerm;
    private int searchTextAt = -1;

    /** A time window: rows whose {@code column} is strictly after {@code after} and before {@code before}. */
    public record Window(String column, Instant after, Instant before) {
    }

    public SqlWhere equal(String column, Object value) {
        if (value != null) {
            Object bound = value instanceof Enum<?> e ? e.toString() : value;
            conditions.add(column + " = :" + bind(bound));
            countKeys.add(value instanceof String || value instanceof Enum<?> ? countKey(column, bound) : null);
        }
        return this;
    }

    /** Strictly after. */
    public SqlWhere after(String column, Instant value) {
        after = value == null ? after : value;
        return bound(column, " > ", value);
    }

    /** Strictly before. */
    public SqlWhere before(String column, Instant value) {
        before = value == null ? before : value;
        return bound(column, " < ", value);
    }

    private SqlWhere bound(String column, String comparison, Instant value) {
        if (value != null) {
            conditions.add(column + comparison + ":" + bind(Timestamp.from(value)));
            countKeys.add(null);
            ranges.add(column);
            bounds++;
        }
        return this;
    }

    /** The {@code text[]} column holds every one of {@code values}. */
    public SqlWhere containsAll(String column, List<String> values) {
        if (values != null && !values.isEmpty()) {
            conditions.add(column + " @> :" + bind(values.toArray(String[]::new)) + "::text[]");
            countKeys.add(values.stream().distinct().count() == 1 ? countKey(column, values.get(0)) : null);
        }
        return this;
    }

    /** Created strictly inside the window: the time filter every record list has. */
    public SqlWhere created(Instant after, Instant before) {
        return after("t.created_at", after).before("t.created_at", before);
    }

    /**
     * A {@link #search} in the text a record's projection keeps for it ({@code search_text}). That column is
     * kept in lower case, so it is matched with {@code LIKE} and the term in lower case: what {@code ILIKE}
     * matches (in a multibyte database it lowers both sides with {@code lower()} and compares them), without
     * lowering each candidate row again, which was most of a search's time once the index had found them.
     */
    public SqlWhere searchText(String term) {
        if (term != null) {
            searchTerm = term.replaceAll("\\p{Cntrl}", "");
            searchTextAt = conditions.size();
            searchCondition("t.search_text LIKE lower(:" + pattern(term) + ")");
        }
        return this;
    }

    /** The term of a {@link #searchText}, if there is one. */
    public Optional<String> searchTextTerm() {
        return Optional.ofNullable(searchTerm);
    }

    /**
     * The {@link #searchText} asked of the trigram index through {@code pieces} of its term only, and checked
     * against the whole term in each row the index finds ({@code strpos}, which the index cannot answer, so the
     * planner does not ask it for every trigram of the term again). The same rows match: a row whose text holds
     * the term holds every piece of it.
     */
    SqlWhere narrowSearchText(List<String> pieces) {
        StringBuilder narrowed = new StringBuilder("strpos(t.search_text, lower(:" + bind(searchTerm) + ")) > 0");
        for (String piece : pieces) {
            narrowed.append(" AND t.search_text LIKE lower(:").append(pattern(piece)).append(")");
        }
        conditions.set(searchTextAt, narrowed.toString());
        return this;
    }

    /**
     * A case-insensitive substring match of {@code term} in any of the given SQL expressions. Control
     * characters are dropped from the term: read models join searchable fields with one of them.
     */
    public SqlWhere search(String term, String... expressions) {
        if (term != null) {
            String name = pattern(term);
            List<String> matches = new ArrayList<>();
            for (String expression : expressions) {
                matches.add(expression + " ILIKE :" + name);
            }
            searchCondition("(" + String.join(" OR ", matches) + ")");
        }
        return this;
    }

    /** Binds the {@code LIKE} pattern of a substring search for {@code term}, its wildcards escaped. */
    private String pattern(String term) {
        String literal = term.replaceAll("\\p{Cntrl}", "");
        return bind("%" + literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }

    private void searchCondition(String search) {
        conditions.add(search);
        countKeys.add(null);
        searches = true;
    }

    /**
     * The key of {@code row_count} that counts the rows these filters match: {@code ""} for no filter,
     * {@code <column>=<value>} for one equality (or one element of an array column); empty for anything else.
     * Whether the table keeps a count under that key is the caller's to know.
     */
    public Optional<String> countKey() {
        if (countKeys.isEmpty()) {
            return Optional.of("");
        }
        return countKeys.size() == 1 ? Optional.ofNullable(countKeys.get(0)) : Optional.empty();
    }

    /** The columns a time window ({@link #after}, {@link #before}) bounds. */
    public Set<String> ranges() {
        return ranges;
    }

    /** Whether every filter, if any, bounds {@code column} ({@link #after}, {@link #before}). */
    public boolean onlyBounds(String column) {
        return conditions.size() == bounds && ranges.stream().allMatch(column::equals);
    }

    /** The time window, when the filters are the bounds ({@link #after}, {@link #before}) of one column. */
    public Optional<Window> window() {
        return bounds > 0 && ranges.size() == 1 && onlyBounds(ranges.iterator().next())
                ? Optional.of(new Window(ranges.iterator().next(), after, before))
                : Optional.empty();
    }

    /** Whether a {@link #search} is among the filters. */
    public boolean searches() {
        return searches;
    }

    private static String countKey(String column, Object value) {
        return column.substring(column.indexOf('.') + 1) + "=" + value;
    }

    public String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The WHERE clause with one more condition (SQL that binds its own parameters). */
    public String sql(String condition) {
        return " WHERE " + (conditions.isEmpty() ? "" : String.join(" AND ", conditions) + " AND ") + condition;
    }

    public MapSqlParameterSource params() {
        return params;
    }

    private String bind(Object value) {
        String name = "p" + (params.getValues().size() + 1);
        params.addValue(name, value);
        return name;
    }
}
