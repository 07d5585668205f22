package dev.crm.query.history;

import dev.crm.api.common.DeletionEvent;
import dev.crm.api.common.EventNames;
import dev.crm.query.admin.SetBasedFold;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link EventLogProjection}'s fold for a whole store at once: each record's events are read in order (a
 * stream sorted by record), folded in memory one record at a time, and written with {@code COPY}, without a
 * statement per event. Its entries equal the projection's to the byte: the changes are compared with
 * jsonb's equality and written as PostgreSQL writes them ({@link JsonbText}), and ids, types and times come
 * from the same code. The rebuild test compares the two, row for row. Entries are numbered with their export
 * position (the rebuild's "afresh, in export order").
 */
final class EventLogFold implements SetBasedFold {

    private static final String EVENTS = """
            SELECT p.position, e.aggregate_identifier, e.sequence_number, e.event_identifier, e.payload_type, e.type,
                   e.time_stamp, convert_from(e.meta_data, 'UTF8') AS meta, convert_from(e.payload, 'UTF8') AS payload
              FROM event_store.domain_event_entry e
              JOIN event_store.event_position p ON p.global_index = e.global_index
             WHERE e.tx_id < ?::xid8 AND (hashtext(e.aggregate_identifier) & 2147483647) % ? = ?
             ORDER BY e.aggregate_identifier, e.sequence_number""";
    /** Rows held before a {@code COPY} sends them: a few megabytes. */
    private static final int COPY_CHARS = 4 << 20;

    private final Map<String, Boolean> deletions = new HashMap<>();

    @Override
    public List<String> tables() {
        return List.of("event_log", "event_log_record");
    }

    @Override
    public List<String> eventTypes() {
        return List.of(); // every event is some record's
    }

    @Override
    public void fill(Partition partition) throws Exception {
        CopyManager copy = partition.connection().unwrap(PGConnection.class).getCopyAPI();
        Copy log = new Copy(copy, "COPY " + partition.shadow("event_log") + " (id, position, entity_type, entity_id,"
                + " version, type, occurred_at, actor_id, actor_name, changes) FROM STDIN");
        Copy records = new Copy(copy, "COPY " + partition.shadow("event_log_record")
                + " (entity_id, state, deleted) FROM STDIN");
        // The events are read on a connection of their own while the shadows are written on the partition's.
        try (Connection reader = partition.dataSource().getConnection()) {
            reader.setAutoCommit(false);
            try (Statement settings = reader.createStatement()) {
                settings.execute("SET LOCAL work_mem = '256MB'");
            }
            try (PreparedStatement events = reader.prepareStatement(EVENTS)) {
                events.setFetchSize(5_000);
                events.setString(1, partition.horizon());
                events.setInt(2, partition.count());
                events.setInt(3, partition.index());
                try (ResultSet rs = events.executeQuery()) {
                    RecordState record = null;
                    while (rs.next()) {
                        String entityId = rs.getString(2);
                        if (record == null || !record.entityId.equals(entityId)) {
                            if (record != null) {
                                record.write(records);
                            }
                            record = new RecordState(entityId, EventLogProjection.entityType(entityId, rs.getString(6)));
                        }
                        record.apply(rs, log, deletion(rs.getString(5)));
                    }
                    if (record != null) {
                        record.write(records);
                    }
                }
            } finally {
                reader.rollback(); // it only read
            }
        }
        log.flush();
        records.flush();
    }

    private boolean deletion(String payloadType) {
        return deletions.computeIfAbsent(payloadType, type -> {
            try {
                return DeletionEvent.class.isAssignableFrom(Class.forName(type));
            } catch (ClassNotFoundException e) {
                return false;
            }
        });
    }

    /** One record's state while its events are folded: what {@code event_log_record} holds for it. */
    private static final class RecordState {

        private final String entityId;
        private final String entityType;
        private final Map<String, Object> state = new LinkedHashMap<>();
        private boolean deleted;

        RecordState(String entityId, String entityType) {
            this.entityId = entityId;
            this.entityType = entityType;
        }

        /** The projection's fold of one event (see {@link EventLogProjection#FOLD}), as a row of the log. */
        void apply(ResultSet rs, Copy log, boolean deletion) throws SQLException {
            String ownId = entityType + "Id";
            StringBuilder changes = new StringBuilder();
            Map<String, Object> changed = new LinkedHashMap<>();
            JsonbText.fields(rs.getString("payload"), (key, value) -> {
                if (key.equals(ownId) || key.startsWith("previous") || key.endsWith("Hash")) {
                    return;
                }
                Object before = state.getOrDefault(key, JsonbText.NULL);
                if (!JsonbText.equal(before, value)) {
                    changes.append(changes.isEmpty() ? "{ " : ", ");
                    JsonbText.string(key, changes);
                    changes.append(" : {\"from\" : ");
                    JsonbText.write(before, changes);
                    changes.append(", \"to\" : ");
                    JsonbText.write(value, changes);
                    changes.append('}');
                    changed.put(key, value);
                }
            });
            state.putAll(changed);
            deleted = deletion;
            Map<String, String> meta = JsonbText.texts(rs.getString("meta"), "actorId", "actorName");
            log.row(EventNames.eventId(rs.getString("event_identifier")), Long.toString(rs.getLong("position")),
                    entityType, entityId, Long.toString(rs.getLong("sequence_number") + 1),
                    EventNames.eventType(entityType, rs.getString("payload_type")),
                    Instant.parse(rs.getString("time_stamp")).truncatedTo(ChronoUnit.MILLIS).toString(),
                    meta.get("actorId"), meta.get("actorName"), changes.isEmpty() ? "{}" : changes.append(" }").toString());
        }

        void write(Copy records) throws SQLException {
            StringBuilder json = new StringBuilder();
            JsonbText.write(state, json);
            records.row(entityId, json.toString(), deleted ? "t" : "f");
        }
    }

    /** Rows for one table in {@code COPY}'s text format, sent a few megabytes at a time. */
    private static final class Copy {

        private final CopyManager copy;
        private final String sql;
        private final StringBuilder rows = new StringBuilder();

        Copy(CopyManager copy, String sql) {
            this.copy = copy;
            this.sql = sql;
        }

        void row(String... columns) throws SQLException {
            for (int i = 0; i < columns.length; i++) {
                if (i > 0) {
                    rows.append('\t');
                }
                String value = columns[i];
                if (value == null) {
                    rows.append("\\N");
                    continue;
                }
                for (int c = 0; c < value.length(); c++) {
                    char ch = value.charAt(c);
                    switch (ch) {
                        case '\\' -> rows.append("\\\\");
                        case '\n' -> rows.append("\\n");
                        case '\r' -> rows.append("\\r");
                        case '\t' -> rows.append("\\t");
                        default -> rows.append(ch);
                    }
                }
            }
            rows.append('\n');
            if (rows.length() >= COPY_CHARS) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            try {
                copy.copyIn(sql, new StringReader(rows.toString()));
            } catch (java.io.IOException e) {
                throw new SQLException("copying into the shadow failed", e);
            }
            rows.setLength(0);
        }
    }
}
