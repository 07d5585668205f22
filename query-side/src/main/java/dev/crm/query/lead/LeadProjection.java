package dev.crm.query.lead;

import dev.crm.api.lead.LeadEvents.LeadAssigned;
import dev.crm.api.lead.LeadEvents.LeadConverted;
import dev.crm.api.lead.LeadEvents.LeadCreated;
import dev.crm.api.lead.LeadEvents.LeadDeleted;
import dev.crm.api.lead.LeadEvents.LeadDetailsCorrected;
import dev.crm.api.lead.LeadEvents.LeadEmailStatusChanged;
import dev.crm.api.lead.LeadEvents.LeadErased;
import dev.crm.api.lead.LeadEvents.LeadScored;
import dev.crm.api.lead.LeadEvents.LeadStatusChanged;
import dev.crm.api.lead.LeadStatus;
import dev.crm.query.admin.FoldValue;
import dev.crm.query.admin.RecordFold;
import dev.crm.query.admin.RecordProjection;
import dev.crm.query.admin.RecordWriter;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/** Keeps the {@code lead} table in step with the lead events. */
@Component
@ProcessingGroup("leads")
class LeadProjection extends RecordProjection {

    LeadProjection(RecordWriter writer) {
        super(writer, RecordFold.of("lead", LeadCreated.class)
                .changedBy(LeadDetailsCorrected.class, LeadStatusChanged.class, LeadAssigned.class, LeadScored.class,
                        LeadEmailStatusChanged.class, LeadConverted.class)
                .with(LeadConverted.class, "status", FoldValue.text(LeadStatus.CONVERTED.toString()))
                .with(LeadConverted.class, "converted_at", FoldValue.eventTime())
                .with(LeadConverted.class, "converted_contact_id", FoldValue.field("contactId"))
                .deletedBy(LeadDeleted.class)
                .erasedBy(LeadErased.class, "id"));
    }
}
