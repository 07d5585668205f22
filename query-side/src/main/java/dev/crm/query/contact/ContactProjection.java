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
import dev.crm.query.admin.RecordFold;
import dev.crm.query.admin.SetBasedReplay;
import dev.crm.query.sql.DeferredWrites;
import dev.crm.query.sql.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
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

    private final DeferredWrites writes;

    ContactProjection(DeferredWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(ContactCreated e, @Timestamp Instant at, @SequenceNumber long sequence) {
        writes.update("contact", """
                INSERT INTO contact (id, first_name, last_name, email, phone, title, stage, account_id,
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
        writes.update("contact", "DELETE FROM contact WHERE id = ?", e.contactId());
    }

    /** The handlers above, as a rebuild computes them set-based. */
    @Override
    public List<RecordFold> folds() {
        return List.of(RecordFold.of("contact", ContactCreated.class)
                .changedBy(ContactDetailsCorrected.class, ContactStageChanged.class, ContactAssigned.class,
                        ContactAccountChanged.class, ContactTagsChanged.class, ContactEmailStatusChanged.class)
                .deletedBy(ContactDeleted.class));
    }

    private void update(String contactId, Instant at, long sequence, String assignments, Object... values) {
        Rows.updateRecord(writes, "contact", contactId, at, sequence, assignments, values);
    }
}
