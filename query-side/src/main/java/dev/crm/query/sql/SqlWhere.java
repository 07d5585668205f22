package dev.crm.query.sql;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the WHERE clause of a list query from optional filters: a {@code null} filter adds nothing,
 * and filters combine with AND. Values always travel as bind parameters.
 */
public final class SqlWhere {

    private final List<String> conditions = new ArrayList<>();
    private final MapSqlParameterSource params = new MapSqlParameterSource();

    public SqlWhere equal(String column, Object value) {
        if (value != null) {
            conditions.add(column + " = :" + bind(value instanceof Enum<?> e ? e.toString() : value));
        }
        return this;
    }

    /** Strictly after. */
    public SqlWhere after(String column, Instant value) {
        if (value != null) {
            conditions.add(column + " > :" + bind(Timestamp.from(value)));
        }
        return this;
    }

    /** Strictly before. */
    public SqlWhere before(String column, Instant value) {
        if (value != null) {
            conditions.add(column + " < :" + bind(Timestamp.from(value)));
        }
        return this;
    }

    /** The {@code text[]} column holds every one of {@code values}. */
    public SqlWhere containsAll(String column, List<String> values) {
        if (values != null && !values.isEmpty()) {
            conditions.add(column + " @> :" + bind(values.toArray(String[]::new)) + "::text[]");
        }
        return this;
    }

    /**
     * A case-insensitive substring match of {@code term} in any of the given SQL expressions. Control
     * characters are dropped from the term: read models join searchable fields with one of them.
     */
    public SqlWhere search(String term, String... expressions) {
        if (term != null) {
            String literal = term.replaceAll("\\p{Cntrl}", "");
            String name = bind("%" + literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            List<String> matches = new ArrayList<>();
            for (String expression : expressions) {
                matches.add(expression + " ILIKE :" + name);
            }
            conditions.add("(" + String.join(" OR ", matches) + ")");
        }
        return this;
    }

    public String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
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
