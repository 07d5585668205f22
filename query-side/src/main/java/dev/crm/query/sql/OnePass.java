package dev.crm.query.sql;

import dev.crm.api.common.PageQuery;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * A slice of a list's matches and how many there are, from one pass over them: for a text search, whose cost is
 * in finding the matches, rather than a count and then the page. The matches are found first and then sorted;
 * a window aggregate counts them on the way.
 *
 * @param ids   the slice's ids, in the page's order
 * @param total how many match in all; 0 when the slice is empty, which does not tell (past the last match)
 */
record OnePass(List<String> ids, long total) {

    /**
     * The slice {@code page} asks for of {@code matches}: a FROM item named {@code k} with the columns {@code id}
     * and {@code sort_key}, whose parameters are in {@code params} ({@code limit} and {@code offset} are added).
     */
    static OnePass of(NamedParameterJdbcTemplate jdbc, String matches, MapSqlParameterSource params, PageQuery page) {
        String direction = page.descending() ? " DESC" : " ASC";
        params.addValue("limit", page.limit()).addValue("offset", page.offset());
        List<String> ids = new ArrayList<>();
        long[] total = {0};
        jdbc.query("SELECT k.id, count(*) OVER () AS total FROM " + matches + " ORDER BY k.sort_key" + direction
                + ", k.id" + direction + " LIMIT :limit OFFSET :offset", params, rs -> {
                    ids.add(rs.getString("id"));
                    total[0] = rs.getLong("total");
                });
        return new OnePass(List.copyOf(ids), total[0]);
    }

    boolean isEmpty() {
        return ids.isEmpty();
    }

    /** The ids, for a statement parameter of type {@code text[]}. */
    String[] idArray() {
        return ids.toArray(String[]::new);
    }
}
