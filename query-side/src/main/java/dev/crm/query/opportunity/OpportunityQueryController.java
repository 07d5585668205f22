package dev.crm.query.opportunity;

import dev.crm.api.common.IdType;
import dev.crm.api.opportunity.OpportunityView;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.record.RecordQueryController;
import dev.crm.api.common.ReadModel;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads of opportunities. */
@RestController
@RequestMapping("/api/opportunities")
class OpportunityQueryController extends RecordQueryController<OpportunityView, OpportunityFilter> {

    OpportunityQueryController(ReadModel readModel, PointInTime pointInTime) {
        super(readModel, pointInTime, IdType.OPPORTUNITY);
    }
}
