package dev.crm.command.opportunity;

import dev.crm.api.common.IdType;
import dev.crm.api.opportunity.OpportunityCommands.DeleteOpportunity;
import dev.crm.api.opportunity.OpportunityView;
import dev.crm.command.web.RecordCommandController;
import dev.crm.command.web.RecordWrites;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Writes to opportunities: each request becomes one command, answered with the opportunity as it now reads. */
@RestController
@RequestMapping("/api/opportunities")
class OpportunityCommandController extends RecordCommandController<OpportunityRequest, OpportunityView> {

    OpportunityCommandController(RecordWrites writes) {
        super(writes, IdType.OPPORTUNITY, "/api/opportunities/{id}/", DeleteOpportunity::new);
    }
}
