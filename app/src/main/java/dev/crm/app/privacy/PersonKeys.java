package dev.crm.app.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.crm.api.privacy.Persons;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The persons' keys ({@code event_store.person_key}) and which records belong to whom
 * ({@code event_store.person_record}). A person is created with its first record (named after it) and a new
 * random key; erasing sets the key to {@code NULL} for good.
 * <p>
 * Keys are cached for a short while ({@link #CACHED_FOR}): loading a record decrypts its events, and a
 * lookup per event would double a write's round trips. What a transaction creates is cached only once it
 * has committed (a rolled back transaction must leave no key behind that no row holds); an erasure empties
 * this instance's cache on commit, and another instance's copy of an erased key lives at most
 * {@link #CACHED_FOR} longer.
 */
@Component
class PersonKeys implements Persons, PersonDirectory {

    static final Duration CACHED_FOR = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final Cache<String, Person> byRecord = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(CACHED_FOR).build();

    PersonKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The person {@code recordId} belongs to, if any. */
    @Override
    public Person find(String recordId) {
        Person pending = pending().get(recordId);
        if (pending != null) {
            return pending;
        }
        Person cached = byRecord.getIfPresent(recordId);
        if (cached != null) {
            return cached;
        }
        List<Person> found = jdbc.query("""
                SELECT r.person_id, k.key FROM event_store.person_record r
                  JOIN event_store.person_key k USING (person_id) WHERE r.record_id = ?""",
                (rs, i) -> new Person(rs.getString(1), rs.getBytes(2)), recordId);
        if (found.isEmpty()) {
            return null;
        }
        byRecord.put(recordId, found.get(0));
        return found.get(0);
    }

    @Override
    public Person findOrCreate(String recordId) {
        Person person = find(recordId);
        if (person != null) {
            return person;
        }
        person = new Person(recordId, PersonalDataCipher.newKey());
        jdbc.update("""
                WITH person AS (INSERT INTO event_store.person_key (person_id, key) VALUES (?, ?) RETURNING person_id)
                INSERT INTO event_store.person_record (record_id, person_id) SELECT ?, person_id FROM person""",
                person.id(), person.key(), recordId);
        remember(recordId, person);
        return person;
    }

    @Override
    public void link(String recordId, Person person) {
        if (find(recordId) != null) {
            return;
        }
        jdbc.update("INSERT INTO event_store.person_record (record_id, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                recordId, person.id());
        remember(recordId, person);
    }

    @Override
    public List<String> recordsOf(String recordId) {
        List<String> records = new ArrayList<>(List.of(recordId));
        jdbc.queryForList("""
                SELECT r.record_id FROM event_store.person_record r
                 WHERE r.person_id = (SELECT person_id FROM event_store.person_record WHERE record_id = ?)
                 ORDER BY r.record_id""", String.class, recordId).stream()
                .filter(id -> !id.equals(recordId)).forEach(records::add);
        return records;
    }

    @Override
    public boolean isErased(String recordId) {
        Person person = find(recordId);
        return person != null && person.erased();
    }

    @Override
    public void erase(String recordId) {
        List<String> records = recordsOf(recordId);
        jdbc.update("""
                UPDATE event_store.person_key SET key = NULL, erased_at = now()
                 WHERE person_id = (SELECT person_id FROM event_store.person_record WHERE record_id = ?)""", recordId);
        // Snapshots hold the aggregates' state, personal fields in clear; they are taken again when needed.
        jdbc.update("DELETE FROM event_store.snapshot_event_entry WHERE aggregate_identifier = ANY (?)",
                (Object) records.toArray(String[]::new));
        // A stored answer of an idempotent POST may hold the record as it was created.
        jdbc.update("DELETE FROM idempotency.idempotency_key WHERE substring(location from '/([a-z]+_[^/]+)/?$') = ANY (?)",
                (Object) records.toArray(String[]::new));
        afterCommit(() -> byRecord.invalidateAll(records));
    }

    private void remember(String recordId, Person person) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            byRecord.put(recordId, person);
            return;
        }
        Map<String, Person> pending = pending();
        if (pending.isEmpty()) {
            afterCommit(() -> byRecord.putAll(pending()));
        }
        pending.put(recordId, person);
    }

    /** What the current transaction created, visible to it alone until it commits. */
    @SuppressWarnings("unchecked")
    private Map<String, Person> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Map.of();
        }
        Map<String, Person> pending = (Map<String, Person>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PersonKeys.this);
                }
            });
        }
        return pending;
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
