package dev.crm.query.sql;

import dev.crm.api.common.Page;
import dev.crm.api.common.PageQuery;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.List;
import java.util.Map;

/**
 * Runs one page of a list query: the total count and the requested slice, ordered by an allowed field
 * with the id as tie-breaker so that pages never overlap or skip.
 *
 * @param select       the SELECT ... FROM ... (with joins) of the rows, the main table aliased {@code t}
 * @param countFrom    the FROM part used for counting (without the joins the filters do not need)
 * @param orderColumns API field name to SQL expression, the only fields a client may order by
 */
public record PagedSql<T>(String select, String countFrom, Map<String, String> orderColumns, RowMapper<T> rows) {

    public Page<T> run(NamedParameterJdbcTemplate jdbc, SqlWhere where, PageQuery page) {
        String direction = page.descending() ? " DESC" : " ASC";
        String orderBy = " ORDER BY " + orderColumns.get(page.orderBy()) + direction + ", t.id" + direction;
        MapSqlParameterSource params = new MapSqlParameterSource(where.params().getValues())
                .addValue("limit", page.limit())
                .addValue("offset", page.offset());
        Long count = jdbc.queryForObject("SELECT count(*) " + countFrom + where.sql(), where.params(), Long.class);
        List<T> results = count == null || count <= page.offset()
                ? List.of()
                : jdbc.query(select + where.sql() + orderBy + " LIMIT :limit OFFSET :offset", params, rows);
        return new Page<>(count == null ? 0 : count, results);
    }
}
