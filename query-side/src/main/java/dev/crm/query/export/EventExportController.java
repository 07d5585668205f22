package dev.crm.query.export;

import dev.crm.api.common.EventNames;
import dev.crm.api.common.IdType;
import dev.crm.query.web.ListParams;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /api/events/}: the whole event history in export-position order, as NDJSON, for analysts.
 * Read straight from the event store rather than through the query bus, because the answer is streamed
 * row by row (a cursor feeding the response) instead of being built whole in memory.
 */
@RestController
class EventExportController {

    static final String NDJSON = "application/x-ndjson";
    private static final int DEFAULT_LIMIT = 1000;
    private static final int MAX_LIMIT = 10_000;
    private static final Pattern TYPE = Pattern.compile("([a-z]+)\\.([a-z][a-z0-9_]*)");

    private final EventSequencer sequencer;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    EventExportController(EventSequencer sequencer, DataSource dataSource, TransactionTemplate transaction,
                          JsonMapper json) {
        this.sequencer = sequencer;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(500);
        this.jdbc = new NamedParameterJdbcTemplate(cursor);
        this.transaction = transaction;
        this.json = json;
    }

    @GetMapping(path = "/api/events", produces = NDJSON)
    void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ListParams params = ListParams.of(request);
        long after = number(params, "after", 0, 0, Long.MAX_VALUE);
        long limit = Math.min(number(params, "limit", DEFAULT_LIMIT, 1, Long.MAX_VALUE), MAX_LIMIT);
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource args = new MapSqlParameterSource("after", after).addValue("limit", limit);
        String entityType = params.text("entityType");
        if (entityType != null) {
            entity(params, "entityType", entityType).ifPresent(type -> {
                conditions.add("starts_with(e.aggregate_identifier, :entityPrefix)");
                args.addValue("entityPrefix", type.prefix());
            });
        }
        String type = params.text("type");
        if (type != null) {
            var matcher = TYPE.matcher(type);
            if (!matcher.matches()) {
                params.reject("type", "must be <entity>.<event> in snake case, e.g. contact.stage_changed");
            } else {
                entity(params, "type", matcher.group(1)).ifPresent(entity -> {
                    conditions.add("starts_with(e.aggregate_identifier, :typePrefix)"
                            + " AND substring(e.payload_type from '[^.$]*$') IN (:classNames)");
                    args.addValue("typePrefix", entity.prefix()).addValue("classNames",
                            List.of(EventNames.simpleClassNames(entity.entityType(), matcher.group(2))));
                });
            }
        }
        params.throwIfInvalid();

        sequencer.run();
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        OutputStream out = response.getOutputStream();
        String where = conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
        transaction.executeWithoutResult(status -> jdbc.query("""
                SELECT p.position, e.event_identifier, e.payload_type, e.aggregate_identifier, e.sequence_number,
                       e.time_stamp, convert_from(e.payload, 'UTF8') AS payload,
                       convert_from(e.meta_data, 'UTF8')::jsonb ->> 'actorId' AS actor_id,
                       convert_from(e.meta_data, 'UTF8')::jsonb ->> 'actorName' AS actor_name
                  FROM event_store.event_position p
                  JOIN event_store.domain_event_entry e ON e.global_index = p.global_index
                 WHERE p.position > :after""" + where + " ORDER BY p.position LIMIT :limit", args, rs -> {
            String recordId = rs.getString("aggregate_identifier");
            String entity = EventNames.recordType(recordId).map(IdType::entityType).orElse("unknown");
            ObjectNode line = json.createObjectNode();
            line.put("position", rs.getLong("position"));
            line.put("id", EventNames.eventId(rs.getString("event_identifier")));
            line.put("type", EventNames.eventType(entity, rs.getString("payload_type")));
            line.put("entityType", entity);
            line.put("entityId", recordId);
            line.put("version", rs.getLong("sequence_number") + 1);
            line.put("occurredAt", Instant.parse(rs.getString("time_stamp")).truncatedTo(ChronoUnit.MILLIS).toString());
            ObjectNode actor = line.putObject("actor");
            actor.put("id", rs.getString("actor_id"));
            actor.put("name", rs.getString("actor_name"));
            line.set("data", data(rs.getString("payload")));
            write(out, line);
        }));
    }

    /** The payload as stored, minus what must never leave the server (a token's hash). */
    private JsonNode data(String payload) {
        JsonNode data = json.readTree(payload);
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

    private static Optional<IdType> entity(ListParams params, String name, String entityType) {
        Optional<IdType> type = EventNames.recordTypeNamed(entityType);
        if (type.isEmpty()) {
            params.reject(name, "the entity must be one of: " + String.join(", ",
                    Arrays.stream(IdType.values()).map(IdType::entityType).toList()));
        }
        return type;
    }

    private static long number(ListParams params, String name, long defaultValue, long min, long max) {
        String value = params.text(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        params.reject(name, "must be a whole number of at least " + min);
        return defaultValue;
    }
}
