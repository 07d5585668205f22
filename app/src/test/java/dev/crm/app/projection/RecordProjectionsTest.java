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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record projections, given a record's events, leave this row: the events go to the projection's
 * processing group as the event bus hands them over (with their aggregate, sequence number and time), on the
 * real database, in a transaction that is rolled back once the row is read.
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
     * The row of {@code table} for record {@code id} once the {@code group}'s handlers have taken the events,
     * one a second from {@link #T0}; {@code null} when there is none. Arrays read as lists.
     */
    private Map<String, Object> rowAfter(String group, String table, String id, Record... events) {
        EventHandlerInvoker handlers = processing.eventProcessorByProcessingGroup(group, AbstractEventProcessor.class)
                .orElseThrow().eventHandlerInvoker();
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        return rolledBack.execute(transaction -> {
            transaction.setRollbackOnly();
            for (int i = 0; i < events.length; i++) {
                try {
                    handlers.handle(new GenericDomainEventMessage<>("Test", id, i, events[i], Map.of(),
                            UUID.randomUUID().toString(), T0.plusSeconds(i)), Segment.ROOT_SEGMENT);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM read_model." + table
                    + " WHERE id = ?", id);
            rows.forEach(row -> row.replaceAll((column, value) -> value instanceof Array array ? list(array) : value));
            return rows.isEmpty() ? null : rows.get(0);
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
