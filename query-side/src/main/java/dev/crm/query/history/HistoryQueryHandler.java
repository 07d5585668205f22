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
    /** Both lists are in event order: the position the event log gave each event as it was appended. */
    static final Map<String, String> ORDER = Map.of("occurredAt", "t.position");

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate lists;
    private final PagedSql<HistoryEntry> history;
    private final PagedSql<AuditEntry> auditLog;

    HistoryQueryHandler(NamedParameterJdbcTemplate jdbc, ListReads lists, JsonMapper json) {
        this.jdbc = jdbc;
        this.lists = lists.jdbc();
        this.history = new PagedSql<>("SELECT t.* FROM read_model.event_log t", "event_log",
                ORDER, (rs, n) -> new HistoryEntry(rs.getString("id"), rs.getString("type"), rs.getLong("version"),
                        instant(rs, "occurred_at"), actor(rs), rs.getString("request_id"), changes(rs, json)));
        this.auditLog = new PagedSql<>("SELECT t.* FROM read_model.event_log t", "event_log",
                ORDER, (rs, n) -> new AuditEntry(rs.getString("id"), rs.getString("type"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getLong("version"),
                        instant(rs, "occurred_at"), actor(rs), rs.getString("request_id"), changes(rs, json)))
                .counting("entity_type", "type", "actor_id").countingHours("occurred_at")
                .pagingWindowsByHour("t.position");
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page history(ListHistory query) {
        List<Boolean> deleted = jdbc.queryForList(
                "SELECT deleted FROM read_model.event_log_record WHERE entity_id = :id",
                Map.of("id", query.entityId()), Boolean.class);
        if (deleted.isEmpty() || deleted.get(0)) {
            throw new NotFoundException("no record with id " + query.entityId());
        }
        return history.run(lists, new SqlWhere().equal("t.entity_id", query.entityId()), query.page());
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page auditLog(ListAuditLog query) {
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
