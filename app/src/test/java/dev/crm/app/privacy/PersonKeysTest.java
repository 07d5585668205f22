package dev.crm.app.privacy;

import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The persons of a batch of events being sealed: looked up once, and not at all for records the batch starts. */
class PersonKeysTest extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void aBatchFindsTheStoredPersonsOfItsRecordsAndGivesTheRecordsItStartsNewOnes() {
        String existing = "cnt_" + UUID.randomUUID();
        String started = "cnt_" + UUID.randomUUID();
        Person stored = inBatch(new PersonKeys(jdbc), List.of(existing), Set.of(existing),
                keys -> keys.findOrCreate(existing));
        // A link no sealing makes (a record is linked when its first event is sealed), planted to show that a
        // record starting in the batch is not looked up: it gets a person of its own all the same.
        jdbc.update("INSERT INTO event_store.person_record (record_id, person_id) VALUES (?, ?)", started,
                stored.id());

        PersonKeys keys = new PersonKeys(jdbc); // nothing cached
        AtomicReference<Person> startedPerson = new AtomicReference<>();
        Person found = inBatch(keys, List.of(existing, started), Set.of(started), batch -> {
            startedPerson.set(batch.findOrCreate(started));
            return batch.find(existing);
        });

        assertThat(found.id()).isEqualTo(stored.id());
        assertThat(found.key()).isEqualTo(stored.key());
        assertThat(startedPerson.get().id()).isEqualTo(started);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_store.person_key WHERE person_id = ?",
                Integer.class, started)).isEqualTo(1);
    }

    private Person inBatch(PersonKeys keys, List<String> records, Set<String> starting,
                           Function<PersonKeys, Person> sealing) {
        AtomicReference<Person> result = new AtomicReference<>();
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                keys.inBatch(records, starting, () -> result.set(sealing.apply(keys))));
        return result.get();
    }
}
