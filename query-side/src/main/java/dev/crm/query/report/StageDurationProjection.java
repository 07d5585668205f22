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
import dev.crm.query.admin.HandledEvents;
import dev.crm.query.admin.ReadModelTables;
import dev.crm.query.sql.DeferredWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
class StageDurationProjection implements HandledEvents {

    /** What each event does to its record's stay. */
    private static final Map<Class<?>, Step> STEPS = Map.ofEntries(
            Step.enters(ContactCreated.class, IdType.CONTACT, ContactCreated::stage),
            Step.movesOn(ContactStageChanged.class, IdType.CONTACT, ContactStageChanged::stage),
            Step.ends(ContactDeleted.class),
            Step.enters(LeadCreated.class, IdType.LEAD, LeadCreated::status),
            Step.movesOn(LeadStatusChanged.class, IdType.LEAD, LeadStatusChanged::status),
            Step.movesOn(LeadConverted.class, IdType.LEAD, converted -> LeadStatus.CONVERTED),
            Step.ends(LeadDeleted.class),
            Step.enters(OpportunityCreated.class, IdType.OPPORTUNITY, OpportunityCreated::stage),
            Step.movesOn(OpportunityStageChanged.class, IdType.OPPORTUNITY, OpportunityStageChanged::stage),
            Step.ends(OpportunityDeleted.class));

    private final DeferredWrites writes;

    StageDurationProjection(DeferredWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(Record event, DomainEventMessage<?> message) {
        Step step = STEPS.get(event.getClass());
        if (step == null) {
            return;
        }
        String recordId = message.getAggregateIdentifier();
        Timestamp at = timestamp(message.getTimestamp());
        if (step.leaves()) {
            writes.update("report_stage_visit",
                    "UPDATE report_stage_visit SET left_at = ? WHERE record_id = ? AND left_at IS NULL", at, recordId);
        }
        if (step.enters() != null) {
            // Keyed by the entering event, so an event handled twice (after a crash) changes nothing.
            writes.update("report_stage_visit", """
                    INSERT INTO report_stage_visit (entity_type, record_id, visit, stage, entered_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    step.enters().entityType(), recordId, message.getSequenceNumber(), step.stage(event), at);
        }
    }

    @Override
    public List<String> eventTypes() {
        return STEPS.keySet().stream().map(Class::getName).toList();
    }

    /**
     * One kind of event's step: whether it leaves the record's current stage, and for which kind of record
     * ({@code null}: none) it enters the stage {@code stage} names (by its wire value).
     */
    private record Step(boolean leaves, IdType enters, Function<Record, Object> stage) {

        static <E extends Record> Map.Entry<Class<?>, Step> enters(Class<E> type, IdType kind,
                                                                    Function<E, Object> stage) {
            return Map.entry(type, new Step(false, kind, event -> stage.apply(type.cast(event))));
        }

        static <E extends Record> Map.Entry<Class<?>, Step> movesOn(Class<E> type, IdType kind,
                                                                     Function<E, Object> stage) {
            return Map.entry(type, new Step(true, kind, event -> stage.apply(type.cast(event))));
        }

        static Map.Entry<Class<?>, Step> ends(Class<? extends Record> type) {
            return Map.entry(type, new Step(true, null, null));
        }

        String stage(Record event) {
            return stage.apply(event).toString();
        }
    }
}
