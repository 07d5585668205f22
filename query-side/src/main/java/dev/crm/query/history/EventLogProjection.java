package dev.crm.query.history;

import dev.crm.api.common.DeletionEvent;
import dev.crm.api.common.EventNames;
import dev.crm.api.common.IdType;
import dev.crm.query.admin.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

import static dev.crm.query.sql.Rows.timestamp;
import static dev.crm.query.sql.Rows.version;

/**
 * Copies every event of every record into {@code event_log}, the source of histories and the audit log.
 * It knows no event class: the payload's fields are folded onto the record's previous state (kept in
 * {@code event_log_record}), and every field whose value differs is a change. So records added later (leads,
 * accounts, ...) get their history without code here, and the entries can never disagree with the events.
 */
@Component
@ReadModelTables({"event_log", "event_log_record"})
@ProcessingGroup(EventLogProjection.GROUP)
class EventLogProjection {

    static final String GROUP = "event-log";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    EventLogProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        String entityId = event.getAggregateIdentifier();
        String entityType = EventNames.recordType(entityId).map(IdType::entityType)
                .orElseGet(() -> String.valueOf(event.getType()).toLowerCase());
        ObjectNode state = previousState(entityId);
        ObjectNode changes = fold(state, json.valueToTree(payload), entityType);
        jdbc.update("""
                INSERT INTO read_model.event_log_record (entity_id, state, deleted) VALUES (?, ?::jsonb, ?)
                ON CONFLICT (entity_id) DO UPDATE SET state = excluded.state, deleted = excluded.deleted""",
                entityId, json.writeValueAsString(state), payload instanceof DeletionEvent);
        jdbc.update("""
                INSERT INTO read_model.event_log
                    (id, entity_type, entity_id, version, type, occurred_at, actor_id, actor_name, changes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::json)""",
                EventNames.eventId(event.getIdentifier()), entityType, entityId,
                version(event.getSequenceNumber()), EventNames.eventType(entityType, event.getPayloadType().getName()),
                timestamp(event.getTimestamp()), text(event.getMetaData().get("actorId")),
                text(event.getMetaData().get("actorName")), json.writeValueAsString(changes));
    }

    /**
     * Folds an event's fields onto the record's state (in place) and answers the changes, in the event's
     * field order: {@code {"field": {"from": ..., "to": ...}}} for every field whose value differs.
     */
    static ObjectNode fold(ObjectNode state, JsonNode event, String entityType) {
        ObjectNode changes = state.objectNode();
        for (Map.Entry<String, JsonNode> field : event.properties()) {
            String name = field.getKey();
            if (!isChangeable(name, entityType)) {
                continue;
            }
            JsonNode before = state.has(name) ? state.get(name) : NullNode.getInstance();
            if (!before.equals(field.getValue())) {
                ObjectNode change = changes.putObject(name);
                change.set("from", before);
                change.set("to", field.getValue());
                state.set(name, field.getValue());
            }
        }
        return changes;
    }

    /**
     * The record's own id is no change, {@code previous*} fields only repeat the state the fold already
     * knows, and hashes of secrets (a token's {@code tokenHash}) are never shown to anyone.
     */
    private static boolean isChangeable(String field, String entityType) {
        return !field.equals(entityType + "Id") && !field.startsWith("previous") && !field.endsWith("Hash");
    }

    private ObjectNode previousState(String entityId) {
        List<String> states = jdbc.queryForList(
                "SELECT state::text FROM read_model.event_log_record WHERE entity_id = ?", String.class, entityId);
        return states.isEmpty() ? json.createObjectNode() : (ObjectNode) json.readTree(states.get(0));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
