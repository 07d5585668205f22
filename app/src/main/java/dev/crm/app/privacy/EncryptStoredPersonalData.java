package dev.crm.app.privacy;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Event store migration 4.1, once: the personal fields of the events stored before they were encrypted are
 * encrypted in place, each person getting a key as if the events were written today (in the order they
 * were). It is the one time stored events are rewritten, and it runs before the hash chain is computed over
 * them, so the chain covers the events as they are from then on. Events of classes that no longer load are
 * left as they are.
 */
public class EncryptStoredPersonalData implements JavaMigration {

    private static final int BATCH = 1_000;

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4.1");
    }

    @Override
    public String getDescription() {
        return "encrypt stored personal data";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        encrypt(context.getConnection());
    }

    /**
     * Encrypts what is stored in plaintext, on {@code connection} (in its transaction). Also for benchmarks,
     * whose generated stores are written straight into the tables.
     */
    public void encrypt(Connection connection) throws Exception {
        Map<String, PersonalFields> types = personalTypes(connection);
        if (types.isEmpty()) {
            return;
        }
        InMemoryPersons persons = new InMemoryPersons();
        try (PreparedStatement events = connection.prepareStatement("""
                     SELECT global_index, payload_type, payload FROM event_store.domain_event_entry
                      WHERE payload_type = ANY (?) ORDER BY global_index""");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE event_store.domain_event_entry SET payload = ? WHERE global_index = ?")) {
            events.setFetchSize(BATCH);
            events.setArray(1, connection.createArrayOf("text", types.keySet().toArray()));
            int pending = 0;
            try (ResultSet rs = events.executeQuery()) {
                while (rs.next()) {
                    byte[] stored = rs.getBytes(3);
                    ObjectNode node = (ObjectNode) json.readTree(stored);
                    PersonalPayload.seal(node, types.get(rs.getString(2)), persons);
                    byte[] sealed = json.writeValueAsBytes(node);
                    if (!Arrays.equals(sealed, stored)) {
                        update.setBytes(1, sealed);
                        update.setLong(2, rs.getLong(1));
                        update.addBatch();
                        if (++pending == BATCH) {
                            update.executeBatch();
                            pending = 0;
                        }
                    }
                }
            }
            update.executeBatch();
        }
        persons.store(connection);
    }

    /** The stored payload types whose classes name a person. */
    private static Map<String, PersonalFields> personalTypes(Connection connection) throws Exception {
        Map<String, PersonalFields> types = new HashMap<>();
        try (PreparedStatement distinct = connection.prepareStatement("SELECT DISTINCT payload_type FROM event_store.domain_event_entry");
             ResultSet rs = distinct.executeQuery()) {
            while (rs.next()) {
                PersonalFields fields = PersonalFields.of(load(rs.getString(1)));
                if (fields.concernsPerson()) {
                    types.put(rs.getString(1), fields);
                }
            }
        }
        return types;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EncryptStoredPersonalData.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The persons met while migrating, stored at the end. */
    private static final class InMemoryPersons implements PersonDirectory {

        private final Map<String, Person> byRecord = new HashMap<>();
        private final List<Person> created = new ArrayList<>();

        @Override
        public Person find(String recordId) {
            return byRecord.get(recordId);
        }

        @Override
        public Person findOrCreate(String recordId) {
            return byRecord.computeIfAbsent(recordId, id -> {
                Person person = new Person(id, PersonalDataCipher.newKey());
                created.add(person);
                return person;
            });
        }

        @Override
        public void link(String recordId, Person person) {
            byRecord.putIfAbsent(recordId, person);
        }

        void store(Connection connection) throws Exception {
            try (PreparedStatement keys = connection.prepareStatement(
                         "INSERT INTO event_store.person_key (person_id, key) VALUES (?, ?)");
                 PreparedStatement records = connection.prepareStatement(
                         "INSERT INTO event_store.person_record (record_id, person_id) VALUES (?, ?)")) {
                for (Person person : created) {
                    keys.setString(1, person.id());
                    keys.setBytes(2, person.key());
                    keys.addBatch();
                }
                keys.executeBatch();
                for (Map.Entry<String, Person> record : byRecord.entrySet()) {
                    records.setString(1, record.getKey());
                    records.setString(2, record.getValue().id());
                    records.addBatch();
                }
                records.executeBatch();
            }
        }
    }
}
