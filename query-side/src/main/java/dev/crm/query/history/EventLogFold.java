package dev.crm.query.history;

import dev.crm.api.common.DeletionEvent;
import dev.crm.api.common.EventNames;
import dev.crm.api.privacy.ReadablePayloads;
import dev.crm.query.admin.SetBasedFold;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link EventLogProjection}'s fold for a whole store at once: each record's events are read in order (a
 * stream sorted by record), folded in memory one record at a time, and written with {@code COPY}, without a
 * statement per event. Its entries equal the projection's to the byte: the changes are compared with
 * jsonb's equality and written as PostgreSQL writes them ({@link JsonbText}), and ids, types and times come
 * from the same code. The rebuild test compares the two, row for row. Entries are numbered with their export
 * position (the rebuild's "afresh, in export order"). The records come in byte order of their ids: any order
 * that keeps a record's events together will do, and this one sorts without the database's collation.
 */
final class EventLogFold implements SetBasedFold {

    private static final String EVENTS = """
            SELECT p.position, e.aggregate_identifier, e.sequence_number, e.event_identifier, e.payload_type, e.type,
                   e.time_stamp, convert_from(e.meta_data, 'UTF8') AS meta, convert_from(e.payload, 'UTF8') AS payload,
                   %s AS person_key
              FROM event_store.domain_event_entry e
              JOIN event_store.event_position p ON p.global_index = e.global_index
            %s
             WHERE e.tx_id < ?::xid8 AND (hashtext(e.aggregate_identifier) & 2147483647) %% ? = ?
             ORDER BY e.aggregate_identifier COLLATE "C", e.sequence_number""".formatted(ReadablePayloads.PERSON_KEY,
            ReadablePayloads.PERSON_KEY_JOIN);

    // Shared by the partitions' threads.
    private final Map<String, Boolean> deletions = new ConcurrentHashMap<>();
    private final Map<String, String> eventTypes = new ConcurrentHashMap<>();

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
        // Reading and writing run at the same time: the events are read on a connection of their own while the
        // log streams into the partition's. The records' states, known only once a record's last event is
        // read, wait in a file until the log is written, then follow on the same connection.
        Path states = Files.createTempFile("crm-event-log-records", ".copy");
        try (Connection reader = partition.reader()) {
            CopyIn log = null;
            try (Writer records = Files.newBufferedWriter(states, StandardCharsets.UTF_8)) {
                log = copy(partition.connection(), "COPY event_log (id, position,"
                        + " entity_type, entity_id, version, type, occurred_at, actor_id, actor_name, request_id,"
                        + " changes) FROM STDIN");
                fold(reader, partition, new CopyRows(log), new CopyRows(records));
                log.endCopy();
            } catch (Exception | Error e) {
                if (log != null && log.isActive()) {
                    log.cancelCopy(); // leaves the connection usable for the rollback
                }
                throw e;
            } finally {
                reader.rollback(); // it only read
            }
            try (Reader records = Files.newBufferedReader(states, StandardCharsets.UTF_8)) {
                partition.connection().unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY event_log_record (entity_id, state, deleted) FROM STDIN", records);
            }
        } finally {
            Files.deleteIfExists(states);
        }
    }

    private static CopyIn copy(Connection connection, String sql) throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    }

    /** Folds the partition's events, record by record, into rows of the log and of the records' states. */
    private void fold(Connection reader, Partition partition, CopyRows log, CopyRows records) throws Exception {
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
                    String payloadType = rs.getString(5);
                    record.apply(rs, partition.payloads().readable(payloadType, rs.getString(9), rs.getBytes(10)), log,
                            deletion(payloadType), eventType(record.entityType, payloadType));
                }
                if (record != null) {
                    record.write(records);
                }
            }
        }
        log.flush();
        records.flush();
    }

    private String eventType(String entityType, String payloadType) {
        return eventTypes.computeIfAbsent(entityType + ' ' + payloadType,
                key -> EventNames.eventType(entityType, payloadType));
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
        /** {@code payload}: the event's, its personal fields readable. */
        void apply(ResultSet rs, String payload, CopyRows log, boolean deletion, String eventType)
                throws SQLException, IOException {
            String ownId = entityType + "Id";
            StringBuilder changes = new StringBuilder();
            Map<String, Object> changed = new LinkedHashMap<>();
            JsonbText.fields(payload, (key, value) -> {
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
            Map<String, String> meta = JsonbText.texts(rs.getString(8), "actorId", "actorName", "requestId");
            log.row(EventNames.eventId(rs.getString(4)), Long.toString(rs.getLong(1)), entityType, entityId,
                    Long.toString(rs.getLong(3) + 1), eventType,
                    millis(rs.getString(7)),
                    meta.get("actorId"), meta.get("actorName"), meta.get("requestId"),
                    changes.isEmpty() ? "{}" : changes.append(" }").toString());
        }

        void write(CopyRows records) throws SQLException, IOException {
            // The column is jsonb, which orders the keys itself: no need to.
            StringBuilder json = new StringBuilder("{");
            state.forEach((key, value) -> {
                json.append(json.length() == 1 ? "" : ", ");
                JsonbText.string(key, json);
                json.append(": ");
                JsonbText.write(value, json);
            });
            json.append('}');
            records.row(entityId, json.toString(), deleted ? "t" : "f");
        }
    }

    /**
     * An event's time as the projection stores it, cut (not rounded) to the millisecond: the stored text
     * ({@code Instant.toString()}) with its fraction cut to three digits, which is what truncating the instant
     * prints. Anything else is parsed.
     */
    static String millis(String time) {
        int dot = time.indexOf('.');
        if (dot < 0 || !time.endsWith("Z")) {
            return Instant.parse(time).truncatedTo(ChronoUnit.MILLIS).toString();
        }
        int end = time.length() - 1;
        return end - dot - 1 <= 3 ? time : time.substring(0, dot + 4) + "Z";
    }
}
