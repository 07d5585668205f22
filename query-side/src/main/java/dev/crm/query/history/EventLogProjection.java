package dev.crm.query.history;

import dev.crm.api.common.DeletionEvent;
import dev.crm.api.common.EventNames;
import dev.crm.api.common.IdType;
import dev.crm.api.privacy.ErasureEvent;
import dev.crm.query.admin.ReadModelTables;
import dev.crm.query.admin.SetBasedFold;
import dev.crm.query.admin.SetBasedReplay;
import dev.crm.query.sql.DeferredWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static dev.crm.query.sql.Rows.timestamp;
import static dev.crm.query.sql.Rows.version;

/**
 * Copies every event of every record into {@code event_log}, the source of histories and the audit log.
 * It knows no event class: the payload's fields are folded onto the record's previous state (kept in
 * {@code event_log_record}), and every field whose value differs is a change, in the payload's field order.
 * So records added later (leads, accounts, ...) get their history without code here, and the entries can
 * never disagree with the events.
 * <p>
 * The fold runs in the database, as one statement that reads the previous states, writes the new ones and
 * inserts the entries ({@link #FOLD}) for all the events of a transaction (of different records; a record's
 * next event goes in the next execution): the projection never reads, so its writes can wait for the
 * transaction's other writes and travel with them ({@link DeferredWrites}). A rebuild computes the same for the
 * whole store at once ({@link EventLogFold}). Left out of the changes: the
 * record's own id, {@code previous*} fields (they repeat the state the fold already knows) and hashes of
 * secrets (a token's {@code tokenHash}), which are never shown to anyone. An erasure rewrites the personal
 * fields of the erased person's entries ({@link EventLogErasure}).
 */
@Component
@ReadModelTables({"event_log", "event_log_record"})
@ProcessingGroup(EventLogProjection.GROUP)
class EventLogProjection implements SetBasedReplay {

    static final String GROUP = "event-log";

    /**
     * Parameters, one {@code text[]} each with an element per event: entity id, payload (JSON), the record's
     * own id field, deleted, event id, entity type, version, event type, time, actor id, actor name, request id.
     * No two events of one execution belong to one record ({@link DeferredWrites.RowsStatement}), so each reads
     * its record's previous state as the events before it left it. JSON, not JSONB, for the payload and the
     * changes: it keeps the fields in the event's order. {@code IS DISTINCT FROM} on JSONB compares values, as
     * the API shows them ({@code null} and a missing field are the same). Entries are inserted in the events'
     * order, which numbers their positions.
     */
    static final DeferredWrites.RowsStatement FOLD = new DeferredWrites.RowsStatement("""
            WITH input AS (
                SELECT i.entity_id, i.payload::json AS payload, i.own_id, i.deleted::boolean AS deleted, i.id,
                       i.entity_type, i.version::bigint AS version, i.type, i.occurred_at::timestamptz AS occurred_at,
                       i.actor_id, i.actor_name, i.request_id, i.n
                  FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                              ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                       AS i(entity_id, payload, own_id, deleted, id, entity_type, version, type, occurred_at,
                            actor_id, actor_name, request_id, n)
            ), previous AS (
                SELECT i.entity_id, coalesce(r.state, '{}'::jsonb) AS state
                  FROM input i LEFT JOIN event_log_record r ON r.entity_id = i.entity_id
            ), changed AS (
                SELECT i.entity_id, f.key, f.ord, coalesce(p.state -> f.key, 'null'::jsonb) AS before,
                       f.value::jsonb AS after
                  FROM input i JOIN previous p ON p.entity_id = i.entity_id,
                       json_each(i.payload) WITH ORDINALITY AS f(key, value, ord)
                 WHERE f.key <> i.own_id AND f.key NOT LIKE 'previous%' AND f.key NOT LIKE '%Hash'
                   AND coalesce(p.state -> f.key, 'null'::jsonb) IS DISTINCT FROM f.value::jsonb
            ), folded AS (
                INSERT INTO event_log_record AS r (entity_id, state, deleted)
                SELECT i.entity_id,
                       p.state || coalesce((SELECT jsonb_object_agg(c.key, c.after) FROM changed c
                                             WHERE c.entity_id = i.entity_id), '{}'::jsonb),
                       i.deleted
                  FROM input i JOIN previous p ON p.entity_id = i.entity_id
                ON CONFLICT (entity_id) DO UPDATE SET state = excluded.state, deleted = excluded.deleted
            )
            INSERT INTO event_log
                (id, entity_type, entity_id, version, type, occurred_at, actor_id, actor_name, request_id, changes)
            SELECT i.id, i.entity_type, i.entity_id, i.version, i.type, i.occurred_at, i.actor_id, i.actor_name,
                   i.request_id,
                   coalesce((SELECT json_object_agg(c.key, json_build_object('from', c.before, 'to', c.after)
                                                    ORDER BY c.ord) FROM changed c WHERE c.entity_id = i.entity_id),
                            '{}'::json)
              FROM input i
             ORDER BY i.n""", 0);

    private final DeferredWrites writes;
    private final JsonMapper json;

    EventLogProjection(DeferredWrites writes, JsonMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        String entityId = event.getAggregateIdentifier();
        String entityType = entityType(entityId, event.getType());
        writes.update("event_log", FOLD, entityId, json.writeValueAsString(payload), entityType + "Id",
                payload instanceof DeletionEvent, EventNames.eventId(event.getIdentifier()), entityType,
                version(event.getSequenceNumber()), EventNames.eventType(entityType, event.getPayloadType().getName()),
                timestamp(event.getTimestamp()), text(event.getMetaData().get("actorId")),
                text(event.getMetaData().get("actorName")), text(event.getMetaData().get("requestId")));
        if (payload instanceof ErasureEvent erasure) {
            // After the erasure's own entry, and before anything later in the transaction reads the log.
            writes.update("event_log", EventLogErasure.CHANGES, EventLogErasure.PERSONAL_FIELDS, erasure.recordId(),
                    erasure.recordId());
            writes.update("event_log", EventLogErasure.STATE, EventLogErasure.PERSONAL_FIELDS, erasure.recordId(),
                    erasure.recordId());
        }
    }

    /** The kind of record an event belongs to: by its id's prefix, else by its aggregate's type. */
    static String entityType(String entityId, String aggregateType) {
        return EventNames.recordType(entityId).map(IdType::entityType)
                .orElseGet(() -> String.valueOf(aggregateType).toLowerCase());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** The handler above, as a rebuild computes it set-based. */
    @Override
    public List<SetBasedFold> folds() {
        return List.of(new EventLogFold());
    }
}
