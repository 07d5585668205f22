package dev.crm.query.lead;

import dev.crm.api.common.IdType;
import dev.crm.api.lead.LeadView;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.record.RecordQueryController;
import dev.crm.api.common.ReadModel;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads of leads, with the filters of the leads reference. */
@RestController
@RequestMapping("/api/leads")
class LeadQueryController extends RecordQueryController<LeadView, LeadFilter> {

    LeadQueryController(ReadModel readModel, PointInTime pointInTime) {
        super(readModel, pointInTime, IdType.LEAD);
    }
}
