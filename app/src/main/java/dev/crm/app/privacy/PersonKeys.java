package dev.crm.app.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.crm.api.privacy.Persons;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The persons' keys ({@code event_store.person_key}) and which records belong to whom
 * ({@code event_store.person_record}). A person is created with its first record (named after it) and a new
 * random key; erasing sets the key to {@code NULL} for good.
 * <p>
 * Keys are cached for a short while ({@link #CACHED_FOR}): loading a record decrypts its events, and a
 * lookup per event would double a write's round trips; a batch of events being written looks up all its
 * persons at once ({@link #inBatch}). What a transaction creates is cached only once it
 * has committed (a rolled back transaction must leave no key behind that no row holds); an erasure empties
 * this instance's cache on commit, and another instance's copy of an erased key lives at most
 * {@link #CACHED_FOR} longer.
 */
@Component
class PersonKeys implements Persons, PersonDirectory {

    static final Duration CACHED_FOR = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    /** The key of the current transaction's {@link PersonWrites} (the instance itself keys its pending persons). */
    private final Object writesKey = new Object();
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
        PersonWrites batch = batch();
        if (batch != null && batch.lookedUp(recordId)) {
            return null; // looked up for this batch already, and it has none
        }
        return load(List.of(recordId)).get(recordId);
    }

    @Override
    public Person findOrCreate(String recordId) {
        Person person = find(recordId);
        if (person != null) {
            return person;
        }
        Person created = new Person(recordId, PersonalDataCipher.newKey());
        write(batch -> batch.create(created));
        remember(recordId, created);
        return created;
    }

    @Override
    public void link(String recordId, Person person) {
        if (find(recordId) != null) {
            return;
        }
        write(batch -> batch.link(recordId, person));
        remember(recordId, person);
    }

    /**
     * Runs {@code sealing}, which seals events of {@code records}, with the persons of all those records looked
     * up in one query first, and the persons and links it creates written in one statement afterwards: a batch
     * of new records costs two round trips instead of two each. Only within a transaction; the writes then
     * still come before the transaction's commit, and nothing reads these tables in between.
     * <p>
     * {@code starting} are the records whose first event is in the batch: they cannot belong to anyone yet (a
     * record is linked to its person when its first event is sealed), so they are not looked up at all. A batch
     * of creates then costs no lookup.
     */
    void inBatch(Collection<String> records, Set<String> starting, Runnable sealing) {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || batch() != null) {
            sealing.run();
            return;
        }
        PersonWrites batch = new PersonWrites();
        TransactionSynchronizationManager.bindResource(writesKey, batch);
        try {
            Map<String, Person> pending = pending();
            batch.lookedUp(starting);
            List<String> unknown = records.stream().filter(id -> !starting.contains(id) && !pending.containsKey(id)
                    && byRecord.getIfPresent(id) == null).distinct().toList();
            if (!unknown.isEmpty()) {
                load(unknown);
                batch.lookedUp(unknown);
            }
            sealing.run();
            batch.write(jdbc);
        } finally {
            TransactionSynchronizationManager.unbindResource(writesKey);
        }
    }

    /**
     * The persons of {@code records} that have one, from the database; remembered for {@link #CACHED_FOR}.
     * <p>
     * Planned anew for each call (never a server-side prepared statement): a connection that prepared it while
     * the tables were nearly empty, on a database whose statistics are never refreshed (autovacuum off), kept a
     * plan that scans every link: 3.5 ms per lookup at 50,000 records, measured, on the writer's path.
     */
    private Map<String, Person> load(List<String> records) {
        Map<String, Person> found = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = plannedPerCall(connection.prepareStatement("""
                    SELECT r.record_id, r.person_id, k.key FROM event_store.person_record r
                      JOIN event_store.person_key k USING (person_id) WHERE r.record_id = ANY (?)"""));
            statement.setArray(1, connection.createArrayOf("text", records.toArray()));
            return statement;
        }, (ResultSet rs) -> {
            found.put(rs.getString(1), new Person(rs.getString(2), rs.getBytes(3)));
        });
        byRecord.putAll(found);
        return found;
    }

    private static PreparedStatement plannedPerCall(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        return statement;
    }

    /** Adds to the current batch, or writes at once outside of one. */
    private void write(Consumer<PersonWrites> addition) {
        PersonWrites batch = batch();
        PersonWrites target = batch != null ? batch : new PersonWrites();
        addition.accept(target);
        if (batch == null) {
            target.write(jdbc);
        }
    }

    private PersonWrites batch() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? (PersonWrites) TransactionSynchronizationManager.getResource(writesKey) : null;
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
