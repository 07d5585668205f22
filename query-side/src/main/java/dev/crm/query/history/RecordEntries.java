package dev.crm.query.history;

import dev.crm.api.common.Page;
import dev.crm.api.common.PageQuery;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.List;
import java.util.Map;

/**
 * One record's entries of the event log, a page at a time, neither counted nor stepped over. The log holds
 * every event of a record, and a record's versions are its events' sequence numbers plus one: 1 to n without a
 * gap. So its count is its last version, found at the end of the {@code (entity_id, version)} key, and a
 * page is a range of versions read from that key: a page of a 10,000-event record, first or last, costs what
 * one of a new record costs, where counting and paging by position stepped over up to 10,000 index entries.
 * Version order is event order (the list's order): a record's events are appended, and logged, one after the
 * other.
 */
final class RecordEntries {

    /** The last version of a record's entries, {@code null} when it has none. */
    static final String LAST_VERSION =
            "SELECT max(e.version) FROM read_model.event_log e WHERE e.entity_id = :id";

    private RecordEntries() {
    }

    /** The page of the entries of record {@code id}, whose last version is {@code last} (0: none). */
    static <T> Page<T> page(NamedParameterJdbcTemplate jdbc, String id, long last, PageQuery page,
                            RowMapper<T> rows) {
        if (page.offset() >= last) {
            return new Page<>(last, List.of());
        }
        long size = Math.min(page.limit(), last - page.offset());
        long first = page.descending() ? last - page.offset() - size + 1 : page.offset() + 1;
        return new Page<>(last, jdbc.query("SELECT t.* FROM read_model.event_log t WHERE t.entity_id = :id"
                        + " AND t.version BETWEEN :first AND :last ORDER BY t.version"
                        + (page.descending() ? " DESC" : " ASC"),
                Map.of("id", id, "first", first, "last", first + size - 1), rows));
    }
}
