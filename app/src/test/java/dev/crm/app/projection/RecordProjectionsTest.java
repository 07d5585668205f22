package dev.crm.app.projection;

import dev.crm.api.contact.ContactEvents.ContactCreated;
import dev.crm.api.contact.ContactEvents.ContactStageChanged;
import dev.crm.api.contact.ContactEvents.ContactTagsChanged;
import dev.crm.api.contact.ContactStage;
import dev.crm.api.lead.LeadEvents.LeadConverted;
import dev.crm.api.lead.LeadEvents.LeadCreated;
import dev.crm.api.lead.LeadStatus;
import dev.crm.api.note.NoteEvents.NoteAdded;
import dev.crm.api.note.NoteEvents.NoteDeleted;
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

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record projections, given a record's events, leave this row, and the audit log's, given the events of
 * several records, these entries: the events go to the projection's processing group as the event bus hands
 * them over (with their aggregate, sequence number and time), on the real database, in one transaction that is
 * rolled back once the rows are read.
 */
class RecordProjectionsTest extends ApiTest {

    /** Microseconds beyond the millisecond: the read model keeps times as the API shows them. */
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456Z");

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void aContactsRowHoldsWhatItsLastEventsSetAndCountsThemInItsVersion() {
        String id = "cnt_" + UUID.randomUUID();
        Map<String, Object> row = rowAfter("contacts", "contact", id,
                new ContactCreated(id, "Ada", "Lovelace", "ada@example.com", null, "Countess", null,
                        ContactStage.NEW, null, null, List.of("vip", "math"), false, false),
                new ContactStageChanged(id, ContactStage.NEW, ContactStage.ENGAGED),
                new ContactTagsChanged(id, null));

        assertThat(row).containsEntry("first_name", "Ada").containsEntry("title", "Countess")
                .containsEntry("stage", "engaged").containsEntry("tags", List.of()).containsEntry("version", 3L);
        assertThat(instant(row, "created_at")).isEqualTo("2026-03-01T09:00:00.123Z");
        assertThat(instant(row, "updated_at")).isEqualTo("2026-03-01T09:00:02.123Z");
    }

    @Test
    void aConvertedLeadsRowSaysWhenAndIntoWhichContact() {
        String id = "ld_" + UUID.randomUUID();
        Map<String, Object> row = rowAfter("leads", "lead", id,
                new LeadCreated(id, "Grace", "Hopper", "grace@example.com", null, "Navy", LeadStatus.NEW, "web",
                        null, 40, false, false, null),
                new LeadConverted(id, LeadStatus.NEW, "cnt_1", "acc_1", null));

        assertThat(row).containsEntry("status", "converted").containsEntry("converted_contact_id", "cnt_1")
                .containsEntry("lead_score", 40).containsEntry("source", "web").containsEntry("version", 2L);
        assertThat(instant(row, "converted_at")).isEqualTo(instant(row, "updated_at"))
                .isEqualTo("2026-03-01T09:00:01.123Z");
    }

    @Test
    void aDeletedRecordLeavesNoRow() {
        String id = "note_" + UUID.randomUUID();
        assertThat(rowAfter("notes", "note", id, new NoteAdded(id, "cnt_1", "Call back", "usr_1"),
                new NoteDeleted(id, "cnt_1", false))).isNull();
    }

    /**
     * The audit log folds the events of different records in one statement and a record's next event in the
     * next one, so every entry sees what the events before it left, and the entries keep the events' order.
     */
    @Test
    void eventsOfOneTransactionAreFoldedInTheirOrderRecordByRecord() {
        String ada = "cnt_" + UUID.randomUUID();
        String grace = "cnt_" + UUID.randomUUID();
        List<Map<String, Object>> entries = afterEvents("event-log", List.of(
                event(ada, 0, new ContactCreated(ada, "Ada", "Lovelace", "ada@example.com", null, null, null,
                        ContactStage.NEW, null, null, List.of("vip"), false, false)),
                event(grace, 0, new ContactCreated(grace, "Grace", "Hopper", "grace@example.com", null, null, null,
                        ContactStage.NEW, null, null, List.of(), false, false)),
                event(ada, 1, new ContactStageChanged(ada, ContactStage.NEW, ContactStage.ENGAGED)),
                event(ada, 2, new ContactTagsChanged(ada, null)),
                event(grace, 1, new ContactStageChanged(grace, ContactStage.NEW, ContactStage.CUSTOMER))),
                () -> jdbc.queryForList("SELECT entity_id, version, changes::text AS changes"
                        + " FROM read_model.event_log WHERE entity_id = ANY(?) ORDER BY position",
                        (Object) new String[] {ada, grace}));

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

    /**
     * The row of {@code table} for record {@code id} once the {@code group}'s handlers have taken the events,
     * one a second from {@link #T0}; {@code null} when there is none. Arrays read as lists.
     */
    private Map<String, Object> rowAfter(String group, String table, String id, Record... events) {
        List<GenericDomainEventMessage<Record>> messages = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            messages.add(event(id, i, events[i]));
        }
        return afterEvents(group, messages, () -> {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM read_model." + table
                    + " WHERE id = ?", id);
            rows.forEach(row -> row.replaceAll((column, value) -> value instanceof Array array ? list(array) : value));
            return rows.isEmpty() ? null : rows.get(0);
        });
    }

    /** Event {@code sequence} of record {@code id}, made {@code sequence} seconds after {@link #T0}. */
    private static GenericDomainEventMessage<Record> event(String id, long sequence, Record payload) {
        return new GenericDomainEventMessage<>("Test", id, sequence, payload, Map.of(), UUID.randomUUID().toString(),
                T0.plusSeconds(sequence));
    }

    /**
     * What {@code read} reads once the {@code group}'s handlers have taken {@code events}, in one transaction
     * that is then rolled back.
     */
    private <T> T afterEvents(String group, List<GenericDomainEventMessage<Record>> events, Supplier<T> read) {
        EventHandlerInvoker handlers = processing.eventProcessorByProcessingGroup(group, AbstractEventProcessor.class)
                .orElseThrow().eventHandlerInvoker();
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
            return read.get();
        });
    }

    private static List<String> list(Array array) {
        try {
            return List.of((String[]) array.getArray());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static Instant instant(Map<String, Object> row, String column) {
        return ((Timestamp) row.get(column)).toInstant();
    }
}
