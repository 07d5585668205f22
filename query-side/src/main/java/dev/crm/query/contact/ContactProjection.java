package dev.crm.query.contact;

import dev.crm.api.contact.ContactEvents.ContactAccountChanged;
import dev.crm.api.contact.ContactEvents.ContactAssigned;
import dev.crm.api.contact.ContactEvents.ContactCreated;
import dev.crm.api.contact.ContactEvents.ContactDeleted;
import dev.crm.api.contact.ContactEvents.ContactDetailsCorrected;
import dev.crm.api.contact.ContactEvents.ContactEmailStatusChanged;
import dev.crm.api.contact.ContactEvents.ContactStageChanged;
import dev.crm.api.contact.ContactEvents.ContactTagsChanged;
import dev.crm.query.admin.ReadModelTables;
import dev.crm.query.admin.SetBasedReplay;
import dev.crm.query.sql.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static dev.crm.query.sql.Rows.array;
import static dev.crm.query.sql.Rows.timestamp;
import static dev.crm.query.sql.Rows.version;

/**
 * Keeps the {@code contact} table in step with the contact events. Names of the assigned user and the
 * account are not copied here: the query joins them, so renames show at once.
 */
@Component
@ReadModelTables(value = "contact", recordsIndependent = true)
@ProcessingGroup(ContactProjection.GROUP)
class ContactProjection implements SetBasedReplay {

    static final String GROUP = "contacts";

    private final JdbcTemplate jdbc;

    ContactProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ContactCreated e, @Timestamp Instant at, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO read_model.contact (id, first_name, last_name, email, phone, title, stage, account_id,
                    assigned_to, tags, email_opt_out, email_bounced, notes, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.contactId(), e.firstName(), e.lastName(), e.email(), e.phone(), e.title(), e.stage().toString(),
                e.accountId(), e.assignedTo(), array(e.tags()), e.emailOptOut(), e.emailBounced(), e.notes(),
                timestamp(at), timestamp(at), version(sequence));
    }

    @EventHandler
    void on(ContactDetailsCorrected e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.contactId(), at, sequence,
                "first_name = ?, last_name = ?, email = ?, phone = ?, title = ?, notes = ?",
                e.firstName(), e.lastName(), e.email(), e.phone(), e.title(), e.notes());
    }

    @EventHandler
    void on(ContactStageChanged e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.contactId(), at, sequence, "stage = ?", e.stage().toString());
    }

    @EventHandler
    void on(ContactAssigned e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.contactId(), at, sequence, "assigned_to = ?", e.assignedTo());
    }

    @EventHandler
    void on(ContactAccountChanged e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.contactId(), at, sequence, "account_id = ?", e.accountId());
    }

    @EventHandler
    void on(ContactTagsChanged e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.contactId(), at, sequence, "tags = ?", (Object) array(e.tags()));
    }

    @EventHandler
    void on(ContactEmailStatusChanged e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.contactId(), at, sequence, "email_opt_out = ?, email_bounced = ?", e.emailOptOut(),
                e.emailBounced());
    }

    @EventHandler
    void on(ContactDeleted e) {
        jdbc.update("DELETE FROM read_model.contact WHERE id = ?", e.contactId());
    }

    /**
     * The handlers above as one statement, for rebuilds: each contact that was created and not deleted,
     * each field group from the last event that set it, {@code updated_at} and {@code version} from its
     * last event.
     */
    @Override
    public List<String> replayStatements() {
        return List.of("""
                WITH event AS (
                    SELECT e.aggregate_identifier AS id, e.sequence_number AS seq,
                           substring(e.payload_type FROM '[^$]*$') AS kind,
                           convert_from(e.payload, 'UTF8')::jsonb AS p,
                           date_trunc('milliseconds', e.time_stamp::timestamptz) AS at
                      FROM event_store.event_position ep
                      JOIN event_store.domain_event_entry e ON e.global_index = ep.global_index
                     WHERE ep.position <= :upTo AND e.payload_type LIKE 'dev.crm.api.contact.ContactEvents$%'),
                record AS (
                    SELECT id, max(seq) AS seq, bool_or(kind = 'ContactDeleted') AS deleted,
                           (array_agg(at ORDER BY seq DESC))[1] AS updated_at,
                           (array_agg(at) FILTER (WHERE kind = 'ContactCreated'))[1] AS created_at,
                           (array_agg(p) FILTER (WHERE kind = 'ContactCreated'))[1] AS created,
                           (array_agg(p ORDER BY seq DESC) FILTER (WHERE kind = 'ContactDetailsCorrected'))[1] AS details,
                           (array_agg(p ORDER BY seq DESC) FILTER (WHERE kind = 'ContactStageChanged'))[1] AS stage,
                           (array_agg(p ORDER BY seq DESC) FILTER (WHERE kind = 'ContactAssigned'))[1] AS assigned,
                           (array_agg(p ORDER BY seq DESC) FILTER (WHERE kind = 'ContactAccountChanged'))[1] AS account,
                           (array_agg(p ORDER BY seq DESC) FILTER (WHERE kind = 'ContactTagsChanged'))[1] AS tags,
                           (array_agg(p ORDER BY seq DESC) FILTER (WHERE kind = 'ContactEmailStatusChanged'))[1] AS mail
                      FROM event GROUP BY id),
                contact AS (
                    SELECT id, created_at, updated_at, seq, coalesce(details, created) AS details,
                           coalesce(stage, created) AS stage, coalesce(assigned, created) AS assigned,
                           coalesce(account, created) AS account, coalesce(tags, created) AS tags,
                           coalesce(mail, created) AS mail
                      FROM record WHERE created IS NOT NULL AND NOT deleted)
                INSERT INTO read_model.contact (id, first_name, last_name, email, phone, title, stage, account_id,
                    assigned_to, tags, email_opt_out, email_bounced, notes, created_at, updated_at, version)
                SELECT id, details ->> 'firstName', details ->> 'lastName', details ->> 'email', details ->> 'phone',
                       details ->> 'title', stage ->> 'stage', account ->> 'accountId', assigned ->> 'assignedTo',
                       CASE WHEN jsonb_typeof(tags -> 'tags') = 'array'
                            THEN ARRAY(SELECT jsonb_array_elements_text(tags -> 'tags')) ELSE '{}' END,
                       (mail ->> 'emailOptOut')::boolean, (mail ->> 'emailBounced')::boolean, details ->> 'notes',
                       created_at, updated_at, seq + 1
                  FROM contact""");
    }

    private void update(String contactId, Instant at, long sequence, String assignments, Object... values) {
        Rows.updateRecord(jdbc, "read_model.contact", contactId, at, sequence, assignments, values);
    }
}
