package dev.crm.app.privacy;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The persons and the links to them that {@link PersonKeys} creates while a batch of events is sealed, written
 * together in one statement at its end; and the records it has looked up for the batch already.
 */
final class PersonWrites {

    private final Set<String> looked = new HashSet<>();
    private final List<Person> created = new ArrayList<>();
    private final Map<String, Person> linked = new LinkedHashMap<>();

    void lookedUp(Collection<String> records) {
        looked.addAll(records);
    }

    /** Whether {@code record}'s person was looked up for this batch already (and, if not remembered, has none). */
    boolean lookedUp(String record) {
        return looked.contains(record);
    }

    /** A new person, named after its first record. */
    void create(Person person) {
        created.add(person);
        linked.put(person.id(), person);
    }

    void link(String record, Person person) {
        linked.put(record, person);
    }

    void write(JdbcTemplate jdbc) {
        if (linked.isEmpty()) {
            return;
        }
        // Keys as base64 text: one array parameter each, whatever the driver makes of bytea[].
        Base64.Encoder base64 = Base64.getEncoder();
        jdbc.update("""
                WITH person AS (
                    INSERT INTO event_store.person_key (person_id, key)
                    SELECT id, decode(key, 'base64') FROM unnest(?::text[], ?::text[]) AS p(id, key)
                )
                INSERT INTO event_store.person_record (record_id, person_id)
                SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT DO NOTHING""",
                created.stream().map(Person::id).toArray(String[]::new),
                created.stream().map(person -> base64.encodeToString(person.key())).toArray(String[]::new),
                linked.keySet().toArray(String[]::new),
                linked.values().stream().map(Person::id).toArray(String[]::new));
    }
}
