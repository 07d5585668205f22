package dev.crm.query.report;

import dev.crm.api.common.IdType;
import dev.crm.api.contact.ContactEvents.ContactCreated;
import dev.crm.api.contact.ContactEvents.ContactDeleted;
import dev.crm.api.contact.ContactEvents.ContactStageChanged;
import dev.crm.api.lead.LeadEvents.LeadConverted;
import dev.crm.api.lead.LeadEvents.LeadCreated;
import dev.crm.api.lead.LeadEvents.LeadDeleted;
import dev.crm.api.lead.LeadEvents.LeadStatusChanged;
import dev.crm.api.lead.LeadStatus;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityCreated;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityDeleted;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityStageChanged;
import dev.crm.query.admin.ReadModelTables;
import dev.crm.query.sql.DeferredWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static dev.crm.query.sql.Rows.timestamp;

/**
 * The stays of contacts and opportunities in their stages and of leads in their statuses: creation enters
 * the initial one; a stage/status change or a conversion leaves the previous one and enters the next; a
 * deletion leaves the last. A streaming projection (see {@link Reports}): it may lag, and a
 * replay rebuilds it.
 */
@Component
@ReadModelTables(value = "report_stage_visit", recordsIndependent = true)
@ProcessingGroup(Reports.STAGE_DURATIONS)
class StageDurationProjection {

    private final DeferredWrites writes;

    StageDurationProjection(DeferredWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(ContactCreated e, @Timestamp Instant at, @SequenceNumber long sequence) {
        enter(IdType.CONTACT, e.contactId(), sequence, e.stage().toString(), at);
    }

    @EventHandler
    void on(ContactStageChanged e, @Timestamp Instant at, @SequenceNumber long sequence) {
        move(IdType.CONTACT, e.contactId(), sequence, e.stage().toString(), at);
    }

    @EventHandler
    void on(ContactDeleted e, @Timestamp Instant at) {
        leave(e.contactId(), at);
    }

    @EventHandler
    void on(LeadCreated e, @Timestamp Instant at, @SequenceNumber long sequence) {
        enter(IdType.LEAD, e.leadId(), sequence, e.status().toString(), at);
    }

    @EventHandler
    void on(LeadStatusChanged e, @Timestamp Instant at, @SequenceNumber long sequence) {
        move(IdType.LEAD, e.leadId(), sequence, e.status().toString(), at);
    }

    @EventHandler
    void on(LeadConverted e, @Timestamp Instant at, @SequenceNumber long sequence) {
        move(IdType.LEAD, e.leadId(), sequence, LeadStatus.CONVERTED.toString(), at);
    }

    @EventHandler
    void on(LeadDeleted e, @Timestamp Instant at) {
        leave(e.leadId(), at);
    }

    @EventHandler
    void on(OpportunityCreated e, @Timestamp Instant at, @SequenceNumber long sequence) {
        enter(IdType.OPPORTUNITY, e.opportunityId(), sequence, e.stage().toString(), at);
    }

    @EventHandler
    void on(OpportunityStageChanged e, @Timestamp Instant at, @SequenceNumber long sequence) {
        move(IdType.OPPORTUNITY, e.opportunityId(), sequence, e.stage().toString(), at);
    }

    @EventHandler
    void on(OpportunityDeleted e, @Timestamp Instant at) {
        leave(e.opportunityId(), at);
    }

    private void move(IdType type, String recordId, long sequence, String stage, Instant at) {
        leave(recordId, at);
        enter(type, recordId, sequence, stage, at);
    }

    /** Keyed by the entering event, so an event handled twice (after a crash) changes nothing. */
    private void enter(IdType type, String recordId, long sequence, String stage, Instant at) {
        writes.update("report_stage_visit", """
                INSERT INTO report_stage_visit (entity_type, record_id, visit, stage, entered_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                type.entityType(), recordId, sequence, stage, timestamp(at));
    }

    private void leave(String recordId, Instant at) {
        writes.update("report_stage_visit",
                "UPDATE report_stage_visit SET left_at = ? WHERE record_id = ? AND left_at IS NULL",
                timestamp(at), recordId);
    }
}
