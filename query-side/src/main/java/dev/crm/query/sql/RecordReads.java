package dev.crm.query.sql;

import dev.crm.api.common.FoundRecords;
import dev.crm.api.common.Page;
import dev.crm.api.common.PageQuery;
import dev.crm.api.common.Versioned;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questions every record type's read model answers the same way, from its {@link PagedSql}: one record by
 * its id, many records by their ids (for {@link RecordsById}), and one page of a filtered list. Each row
 * carries the record's {@code version}. {@link RecordsById#reads} makes them.
 * <p>
 * The answers are declared raw ({@code Optional<Versioned>}, {@code Page}) for the query handlers to return:
 * Axon matches a query's expected answer against the handler's declared return type by raw class only.
 */
@SuppressWarnings("rawtypes")
public final class RecordReads<V> {

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate lists;
    private final PagedSql<V> sql;
    private final String byIds;
    private final String exists;

    /** @param lists where live pages are read ({@link ListReads}) */
    RecordReads(NamedParameterJdbcTemplate jdbc, NamedParameterJdbcTemplate lists, PagedSql<V> sql) {
        this.jdbc = jdbc;
        this.lists = lists;
        this.sql = sql;
        this.byIds = Rows.byIds(sql.select(), sql.table());
        this.exists = "SELECT EXISTS (SELECT FROM read_model." + sql.table() + " WHERE id = :id)";
    }

    public Optional<Versioned> find(String recordId) {
        return Optional.ofNullable(findAll(List.of(recordId)).byId().get(recordId));
    }

    /** The record as it was at {@code asOf}, read from its versions (see {@link PagedVersions#find}). */
    public Optional<Versioned> findAsOf(String recordId, Instant asOf) {
        return new PagedVersions<>(sql).find(jdbc, recordId, asOf).map(Versioned.class::cast);
    }

    public boolean exists(String recordId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(exists, Map.of("id", recordId), Boolean.class));
    }

    public FoundRecords findAll(List<String> ids) {
        Map<String, Versioned<?>> byId = new LinkedHashMap<>();
        jdbc.query(byIds, Map.of("ids", ids.toArray(String[]::new)), (ResultSet rs) -> {
            byId.put(rs.getString("id"), new Versioned<>(sql.rows().mapRow(rs, byId.size()), rs.getLong("version")));
        });
        return new FoundRecords(byId);
    }

    public Page list(SqlWhere where, PageQuery page) {
        return sql.run(page.asOf() == null ? lists : jdbc, where, page);
    }
}
