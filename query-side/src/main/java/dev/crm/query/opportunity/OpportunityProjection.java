package dev.crm.query.opportunity;

import dev.crm.api.opportunity.OpportunityEvents.OpportunityAccountChanged;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityAssigned;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityContactChanged;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityCreated;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityDeleted;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityDetailsCorrected;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityStageChanged;
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

import static dev.crm.query.sql.Rows.timestamp;
import static dev.crm.query.sql.Rows.version;

/**
 * Keeps the {@code opportunity} table in step with the opportunity events. The account's and the owner's
 * names are not copied here: the query joins them, so renames show at once.
 */
@Component
@ReadModelTables(value = "opportunity", recordsIndependent = true)
@ProcessingGroup(OpportunityProjection.GROUP)
class OpportunityProjection implements SetBasedReplay {

    static final String GROUP = "opportunities";

    private final DeferredWrites writes;

    OpportunityProjection(DeferredWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(OpportunityCreated e, @Timestamp Instant at, @SequenceNumber long sequence) {
        writes.update("opportunity", """
                INSERT INTO opportunity (id, name, value, currency, stage, account_id, contact_id,
                    assigned_to, close_date, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.opportunityId(), e.name(), e.value(), e.currency(), e.stage().toString(), e.accountId(),
                e.contactId(), e.assignedTo(), e.closeDate(), timestamp(at), timestamp(at), version(sequence));
    }

    @EventHandler
    void on(OpportunityDetailsCorrected e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.opportunityId(), at, sequence, "name = ?, value = ?, currency = ?, close_date = ?",
                e.name(), e.value(), e.currency(), e.closeDate());
    }

    @EventHandler
    void on(OpportunityStageChanged e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.opportunityId(), at, sequence, "stage = ?", e.stage().toString());
    }

    @EventHandler
    void on(OpportunityAssigned e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.opportunityId(), at, sequence, "assigned_to = ?", e.assignedTo());
    }

    @EventHandler
    void on(OpportunityAccountChanged e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.opportunityId(), at, sequence, "account_id = ?", e.accountId());
    }

    @EventHandler
    void on(OpportunityContactChanged e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.opportunityId(), at, sequence, "contact_id = ?", e.contactId());
    }

    @EventHandler
    void on(OpportunityDeleted e) {
        writes.update("opportunity", "DELETE FROM opportunity WHERE id = ?", e.opportunityId());
    }

    /** The handlers above, as a rebuild computes them set-based. */
    @Override
    public List<RecordFold> folds() {
        return List.of(RecordFold.of("opportunity", OpportunityCreated.class)
                .changedBy(OpportunityDetailsCorrected.class, OpportunityStageChanged.class,
                        OpportunityAssigned.class, OpportunityAccountChanged.class, OpportunityContactChanged.class)
                .deletedBy(OpportunityDeleted.class));
    }

    private void update(String opportunityId, Instant at, long sequence, String assignments, Object... values) {
        Rows.updateRecord(writes, "opportunity", opportunityId, at, sequence, assignments, values);
    }
}
