package dev.crm.query.export;

import dev.crm.api.common.EventNames;
import dev.crm.api.common.IdType;
import dev.crm.api.privacy.ReadablePayloads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the events an {@link EventExportFilter} selects as NDJSON, one line per event, in export-position
 * order, each with its link of the chain ({@code digest}, {@code prevHash}, {@code hash}). Read straight from
 * the event store rather than through the query bus, because the answer is
 * streamed row by row (a cursor feeding the output) instead of being built whole in memory.
 */
@Component
class EventExport {

    private static final String SELECT = """
            SELECT p.position, p.digest, p.hash, prev.hash AS prev_hash, e.event_identifier, e.payload_type,
                   e.aggregate_identifier, e.sequence_number,
                   e.time_stamp, convert_from(e.payload, 'UTF8') AS payload,
                   convert_from(e.meta_data, 'UTF8')::jsonb ->> 'actorId' AS actor_id,
                   convert_from(e.meta_data, 'UTF8')::jsonb ->> 'actorName' AS actor_name, %s AS person_key
              FROM event_store.event_position p
              JOIN event_store.domain_event_entry e ON e.global_index = p.global_index
              LEFT JOIN event_store.event_position prev ON prev.position = p.position - 1
            %s
             WHERE p.position > :after""".formatted(ReadablePayloads.PERSON_KEY, ReadablePayloads.PERSON_KEY_JOIN);

    private final EventSequencer sequencer;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final ReadablePayloads payloads;

    EventExport(EventSequencer sequencer, DataSource dataSource, TransactionTemplate transaction, JsonMapper json,
                ReadablePayloads payloads) {
        this.payloads = payloads;
        this.sequencer = sequencer;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(500);
        this.jdbc = new NamedParameterJdbcTemplate(cursor);
        this.transaction = transaction;
        this.json = json;
    }

    /** Gives the events committed so far their export positions: what a read is about to page through. */
    void catchUp() {
        sequencer.run();
    }

    void write(EventExportFilter filter, OutputStream out) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource args = new MapSqlParameterSource("after", filter.afterPosition())
                .addValue("limit", filter.maxEvents());
        filter.entity().ifPresent(type -> {
            conditions.add("starts_with(e.aggregate_identifier, :entityPrefix)");
            args.addValue("entityPrefix", type.prefix());
        });
        filter.eventClasses().ifPresent(classes -> {
            conditions.add("starts_with(e.aggregate_identifier, :typePrefix)"
                    + " AND substring(e.payload_type from '[^.$]*$') IN (:classNames)");
            args.addValue("typePrefix", classes.entity().prefix())
                    .addValue("classNames", List.of(classes.simpleNames()));
        });
        String where = conditions.stream().map(condition -> " AND " + condition).reduce("", String::concat);
        transaction.executeWithoutResult(status -> jdbc.query(SELECT + where + " ORDER BY p.position LIMIT :limit",
                args, rs -> {
                    String recordId = rs.getString("aggregate_identifier");
                    String entity = EventNames.recordType(recordId).map(IdType::entityType).orElse("unknown");
                    ObjectNode line = json.createObjectNode();
                    line.put("position", rs.getLong("position"));
                    line.put("id", EventNames.eventId(rs.getString("event_identifier")));
                    line.put("type", EventNames.eventType(entity, rs.getString("payload_type")));
                    line.put("entityType", entity);
                    line.put("entityId", recordId);
                    line.put("version", rs.getLong("sequence_number") + 1);
                    line.put("occurredAt", Instant.parse(rs.getString("time_stamp")).truncatedTo(ChronoUnit.MILLIS)
                            .toString());
                    ObjectNode actor = line.putObject("actor");
                    actor.put("id", rs.getString("actor_id"));
                    actor.put("name", rs.getString("actor_name"));
                    line.set("data", data(rs.getString("payload_type"), rs.getString("payload"), rs.getBytes("person_key")));
                    // The chain's link, so that a reader can check what it exported (see EventChain).
                    long position = rs.getLong("position");
                    line.put("digest", EventChain.hex(rs.getBytes("digest")));
                    line.put("prevHash", EventChain.hex(position == 1 ? EventChain.genesis()
                            : rs.getBytes("prev_hash")));
                    line.put("hash", EventChain.hex(rs.getBytes("hash")));
                    write(out, line);
                }));
    }

    /**
     * The payload as stored, its personal fields decrypted (or "[erased]"), minus what must never leave the
     * server (a token's hash).
     */
    private JsonNode data(String payloadType, String payload, byte[] personKey) {
        JsonNode data = json.readTree(payloads.readable(payloadType, payload, personKey));
        if (data instanceof ObjectNode object) {
            object.remove("tokenHash");
        }
        return data;
    }

    private void write(OutputStream out, ObjectNode line) {
        try {
            out.write(json.writeValueAsBytes(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
