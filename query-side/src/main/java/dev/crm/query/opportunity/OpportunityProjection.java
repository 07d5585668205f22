package dev.crm.query.opportunity;

import dev.crm.api.opportunity.OpportunityEvents.OpportunityAccountChanged;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityAssigned;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityContactChanged;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityCreated;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityDeleted;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityDetailsCorrected;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityStageChanged;
import dev.crm.query.admin.RecordFold;
import dev.crm.query.admin.RecordProjection;
import dev.crm.query.admin.RecordWriter;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code opportunity} table in step with the opportunity events. The account's and the owner's
 * names are not copied here: the query joins them, so renames show at once.
 */
@Component
@ProcessingGroup("opportunities")
class OpportunityProjection extends RecordProjection {

    OpportunityProjection(RecordWriter writer) {
        super(writer, RecordFold.of("opportunity", OpportunityCreated.class)
                .changedBy(OpportunityDetailsCorrected.class, OpportunityStageChanged.class,
                        OpportunityAssigned.class, OpportunityAccountChanged.class, OpportunityContactChanged.class)
                .deletedBy(OpportunityDeleted.class));
    }
}
