package dev.crm.query.history;

import dev.crm.api.common.NotFoundException;
import dev.crm.api.common.Page;
import dev.crm.api.history.Actor;
import dev.crm.api.history.AuditEntry;
import dev.crm.api.history.Change;
import dev.crm.api.history.HistoryEntry;
import dev.crm.api.history.HistoryQueries.ListAuditLog;
import dev.crm.api.history.HistoryQueries.ListHistory;
import dev.crm.query.sql.ListReads;
import dev.crm.query.sql.PagedSql;
import dev.crm.query.sql.SqlWhere;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.crm.query.sql.Rows.instant;

/** Answers histories and the audit log from {@code event_log}. */
@Component
class HistoryQueryHandler {

    static final TypeReference<LinkedHashMap<String, Change>> CHANGES = new TypeReference<>() {
    };
    /**
     * The audit log is in event order: the position the event log gave each event as it was appended. A
     * record's history is too, read by version ({@link RecordEntries}), which is the same order for one record.
     */
    static final Map<String, String> ORDER = Map.of("occurredAt", "t.position");

    private final NamedParameterJdbcTemplate lists;
    private final RowMapper<HistoryEntry> historyEntries;
    private final RowMapper<AuditEntry> auditEntries;
    private final PagedSql<AuditEntry> auditLog;

    HistoryQueryHandler(ListReads lists, JsonMapper json) {
        this.lists = lists.jdbc();
        this.historyEntries = (rs, n) -> new HistoryEntry(rs.getString("id"), rs.getString("type"),
                rs.getLong("version"), instant(rs, "occurred_at"), actor(rs), rs.getString("request_id"),
                changes(rs, json));
        this.auditEntries = (rs, n) -> new AuditEntry(rs.getString("id"), rs.getString("type"),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getLong("version"),
                instant(rs, "occurred_at"), actor(rs), rs.getString("request_id"), changes(rs, json));
        this.auditLog = new PagedSql<>("SELECT t.* FROM read_model.event_log t", "event_log", ORDER, auditEntries)
                .counting("entity_type", "type", "actor_id").countingHours("occurred_at")
                .pagingWindowsByHour("t.position");
    }

    /** A record's history: its entries ({@link RecordEntries}), a 404 once it is deleted or if it never was. */
    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page history(ListHistory query) {
        List<Long> last = lists.query("SELECT (" + RecordEntries.LAST_VERSION + ") AS last"
                        + " FROM read_model.event_log_record r WHERE r.entity_id = :id AND NOT r.deleted",
                Map.of("id", query.entityId()), (rs, n) -> rs.getLong("last"));
        if (last.isEmpty()) {
            throw new NotFoundException("no record with id " + query.entityId());
        }
        return RecordEntries.page(lists, query.entityId(), last.get(0), query.page(), historyEntries);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page auditLog(ListAuditLog query) {
        if (query.entityId() != null && query.entityType() == null && query.actor() == null && query.type() == null
                && query.after() == null && query.before() == null) {
            Long last = lists.queryForObject(RecordEntries.LAST_VERSION, Map.of("id", query.entityId()), Long.class);
            return RecordEntries.page(lists, query.entityId(), last == null ? 0 : last, query.page(), auditEntries);
        }
        return auditLog.run(lists, auditLogFilters(query), query.page());
    }

    /** The audit log's filters on {@code event_log t}: the JSON list's and the CSV export's alike. */
    static SqlWhere auditLogFilters(ListAuditLog query) {
        return new SqlWhere()
                .equal("t.entity_type", query.entityType())
                .equal("t.entity_id", query.entityId())
                .equal("t.actor_id", query.actor())
                .equal("t.type", query.type())
                .after("t.occurred_at", query.after())
                .before("t.occurred_at", query.before());
    }

    private static Actor actor(ResultSet rs) throws SQLException {
        return new Actor(rs.getString("actor_id"), rs.getString("actor_name"));
    }

    private static Map<String, Change> changes(ResultSet rs, JsonMapper json) throws SQLException {
        return json.readValue(rs.getString("changes"), CHANGES);
    }
}
