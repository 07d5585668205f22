package dev.crm.app;

import dev.crm.api.common.IdType;
import dev.crm.api.contact.ContactCommands.CreateContact;
import dev.crm.api.privacy.ReadablePayloads;
import dev.crm.app.support.ApiTest;
import dev.crm.app.support.FailingProjection;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The silent traps of this stack (see STACK-NOTES): Axon must use Spring's transaction manager and the
 * JDBC storage engine, and a failing projection must roll back the event it was handling.
 */
class AxonWiringTest extends ApiTest {

    @Autowired
    private TransactionManager transactionManager;
    @Autowired
    private EventStorageEngine storageEngine;
    @Autowired
    private CommandGateway commandGateway;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Configuration axon;

    @Test
    void axonUsesSpringsTransactionManagerAndJdbcEventStorage() {
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
    }

    @Test
    void aFailingProjectionRollsBackTheEventAndEveryReadModel() {
        String id = IdType.CONTACT.newId();
        CreateContact command = new CreateContact(id, "Roll", "Back", "rb" + FailingProjection.FAILING_DOMAIN,
                null, null, null, null, null, null, List.of(), false, false);

        assertThatThrownBy(() -> commandGateway.sendAndWait(command)).isNotNull();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM read_model.contact WHERE id = ?", Integer.class, id))
                .isZero();
    }

    @Test
    void commitsAreDurable() {
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
    }

    @Test
    void eventsAreStoredAsReadableJson() {
        String id = admin.post("/api/contacts/", "{\"firstName\": \"Json\", \"email\": \"json@example.com\"}")
                .expect(201).id();
        String payload = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry
                 WHERE aggregate_identifier = ?""", String.class, id);
        assertThat(payload).startsWith("{").contains("\"contactId\":\"" + id + "\"").contains("\"stage\":\"new\"")
                .contains("\"firstName\":\"enc:v1:").doesNotContain("Json").doesNotContain("json@example.com");
    }

    /** Everything that reads events back (replays, dead letters, rebuilds) decrypts them the same way. */
    @Test
    void axonsEventSerializerIsThePersonalDataOne() {
        assertThat(axon.eventSerializer()).isInstanceOf(ReadablePayloads.class);
    }
}
