package dev.crm.app.projection;

import dev.crm.api.contact.ContactEvents.ContactCreated;
import dev.crm.api.contact.ContactEvents.ContactStageChanged;
import dev.crm.api.contact.ContactEvents.ContactTagsChanged;
import dev.crm.api.contact.ContactStage;
import dev.crm.app.support.ApiTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log's projection, given the events of one transaction, several of them of one record: the
 * events of different records are folded in one statement and a record's next event in the next one, so
 * every entry sees what the events before it left, and the entries keep the events' order.
 */
class EventLogProjectionTest extends ApiTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123Z");

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void eventsOfOneTransactionAreFoldedInTheirOrderRecordByRecord() {
        String ada = "cnt_" + UUID.randomUUID();
        String grace = "cnt_" + UUID.randomUUID();
        List<Map<String, Object>> entries = entriesAfter(List.of(
                event(ada, 0, new ContactCreated(ada, "Ada", "Lovelace", "ada@example.com", null, null, null,
                        ContactStage.NEW, null, null, List.of("vip"), false, false)),
                event(grace, 0, new ContactCreated(grace, "Grace", "Hopper", "grace@example.com", null, null, null,
                        ContactStage.NEW, null, null, List.of(), false, false)),
                event(ada, 1, new ContactStageChanged(ada, ContactStage.NEW, ContactStage.ENGAGED)),
                event(ada, 2, new ContactTagsChanged(ada, null)),
                event(grace, 1, new ContactStageChanged(grace, ContactStage.NEW, ContactStage.CUSTOMER))), ada, grace);

        assertThat(entries).extracting(e -> e.get("entity_id") + " v" + e.get("version"))
                .containsExactly(ada + " v1", grace + " v1", ada + " v2", ada + " v3", grace + " v2");
        assertThat(entries.get(0).get("changes")).asString()
                .contains("\"firstName\" : {\"from\" : null, \"to\" : \"Ada\"}")
                .contains("\"tags\" : {\"from\" : null, \"to\" : [\"vip\"]}");
        assertThat(entries.get(2).get("changes")).asString()
                .isEqualTo("{ \"stage\" : {\"from\" : \"new\", \"to\" : \"engaged\"} }");
        assertThat(entries.get(3).get("changes")).asString()
                .isEqualTo("{ \"tags\" : {\"from\" : [\"vip\"], \"to\" : null} }");
        assertThat(entries.get(4).get("changes")).asString()
                .isEqualTo("{ \"stage\" : {\"from\" : \"new\", \"to\" : \"customer\"} }");
    }

    private static GenericDomainEventMessage<Record> event(String id, long sequence, Record payload) {
        return new GenericDomainEventMessage<>("Contact", id, sequence, payload, Map.of(), UUID.randomUUID().toString(),
                T0.plusSeconds(sequence));
    }

    /**
     * The audit entries of {@code ids}, in position order, once the event log's handlers have taken
     * {@code events} in one transaction (rolled back once they are read).
     */
    private List<Map<String, Object>> entriesAfter(List<GenericDomainEventMessage<Record>> events, String... ids) {
        EventHandlerInvoker handlers = processing.eventProcessorByProcessingGroup("event-log",
                AbstractEventProcessor.class).orElseThrow().eventHandlerInvoker();
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        return rolledBack.execute(transaction -> {
            transaction.setRollbackOnly();
            for (GenericDomainEventMessage<Record> event : events) {
                try {
                    handlers.handle(event, Segment.ROOT_SEGMENT);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
            return jdbc.queryForList("SELECT entity_id, version, changes::text AS changes FROM read_model.event_log"
                    + " WHERE entity_id = ANY(?) ORDER BY position", (Object) ids);
        });
    }
}
