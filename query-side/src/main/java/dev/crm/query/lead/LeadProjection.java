package dev.crm.query.lead;

import dev.crm.api.lead.LeadEvents.LeadAssigned;
import dev.crm.api.lead.LeadEvents.LeadConverted;
import dev.crm.api.lead.LeadEvents.LeadCreated;
import dev.crm.api.lead.LeadEvents.LeadDeleted;
import dev.crm.api.lead.LeadEvents.LeadDetailsCorrected;
import dev.crm.api.lead.LeadEvents.LeadEmailStatusChanged;
import dev.crm.api.lead.LeadEvents.LeadScored;
import dev.crm.api.lead.LeadEvents.LeadStatusChanged;
import dev.crm.api.lead.LeadStatus;
import dev.crm.query.admin.ReadModelTables;
import dev.crm.query.admin.FoldValue;
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

import static dev.crm.query.sql.Rows.timestamp;
import static dev.crm.query.sql.Rows.version;

/** Keeps the {@code lead} table in step with the lead events. */
@Component
@ReadModelTables(value = "lead", recordsIndependent = true)
@ProcessingGroup(LeadProjection.GROUP)
class LeadProjection implements SetBasedReplay {

    static final String GROUP = "leads";

    private final DeferredWrites writes;

    LeadProjection(DeferredWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(LeadCreated e, @Timestamp Instant at, @SequenceNumber long sequence) {
        writes.update("lead", """
                INSERT INTO lead (id, first_name, last_name, email, phone, company, status, source,
                    assigned_to, lead_score, email_opt_out, email_bounced, notes, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.leadId(), e.firstName(), e.lastName(), e.email(), e.phone(), e.company(), e.status().toString(),
                e.source(), e.assignedTo(), e.leadScore(), e.emailOptOut(), e.emailBounced(), e.notes(),
                timestamp(at), timestamp(at), version(sequence));
    }

    @EventHandler
    void on(LeadDetailsCorrected e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.leadId(), at, sequence,
                "first_name = ?, last_name = ?, email = ?, phone = ?, company = ?, source = ?, notes = ?",
                e.firstName(), e.lastName(), e.email(), e.phone(), e.company(), e.source(), e.notes());
    }

    @EventHandler
    void on(LeadStatusChanged e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.leadId(), at, sequence, "status = ?", e.status().toString());
    }

    @EventHandler
    void on(LeadAssigned e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.leadId(), at, sequence, "assigned_to = ?", e.assignedTo());
    }

    @EventHandler
    void on(LeadScored e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.leadId(), at, sequence, "lead_score = ?", e.leadScore());
    }

    @EventHandler
    void on(LeadEmailStatusChanged e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.leadId(), at, sequence, "email_opt_out = ?, email_bounced = ?", e.emailOptOut(), e.emailBounced());
    }

    @EventHandler
    void on(LeadConverted e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.leadId(), at, sequence, "status = ?, converted_at = ?, converted_contact_id = ?",
                LeadStatus.CONVERTED.toString(), timestamp(at), e.contactId());
    }

    @EventHandler
    void on(LeadDeleted e) {
        writes.update("lead", "DELETE FROM lead WHERE id = ?", e.leadId());
    }

    /** The handlers above, as a rebuild computes them set-based. */
    @Override
    public List<RecordFold> folds() {
        return List.of(RecordFold.of("lead", LeadCreated.class)
                .changedBy(LeadDetailsCorrected.class, LeadStatusChanged.class, LeadAssigned.class, LeadScored.class,
                        LeadEmailStatusChanged.class, LeadConverted.class)
                .with(LeadConverted.class, "status", FoldValue.text(LeadStatus.CONVERTED.toString()))
                .with(LeadConverted.class, "converted_at", FoldValue.eventTime())
                .with(LeadConverted.class, "converted_contact_id", FoldValue.field("contactId"))
                .deletedBy(LeadDeleted.class));
    }

    private void update(String leadId, Instant at, long sequence, String assignments, Object... values) {
        Rows.updateRecord(writes, "lead", leadId, at, sequence, assignments, values);
    }
}
