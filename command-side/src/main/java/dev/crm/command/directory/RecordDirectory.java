package dev.crm.command.directory;

import dev.crm.api.common.DeletionEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers "does this record exist?" for references between records (a contact's {@code assignedTo},
 * {@code accountId}, ...), straight from the event store: a record exists when it has events and the last
 * one is not a {@link DeletionEvent}. The lookup uses the event store's unique
 * {@code (aggregate_identifier, sequence_number)} index, and no separate table can drift from it.
 */
@Component
public class RecordDirectory {

    private static final String LAST_EVENT_TYPE = """
            SELECT payload_type FROM event_store.domain_event_entry
             WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1""";

    private final JdbcTemplate jdbc;
    private final Map<String, Boolean> deletionTypes = new ConcurrentHashMap<>();

    RecordDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String id) {
        List<String> types = jdbc.queryForList(LAST_EVENT_TYPE, String.class, id);
        return !types.isEmpty() && !isDeletion(types.get(0));
    }

    private boolean isDeletion(String payloadType) {
        return deletionTypes.computeIfAbsent(payloadType, type -> {
            try {
                return DeletionEvent.class.isAssignableFrom(Class.forName(type));
            } catch (ClassNotFoundException e) {
                return false;
            }
        });
    }
}
