package dev.crm.query.lead;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import dev.crm.api.lead.LeadQueries.FindLead;
import dev.crm.api.lead.LeadView;
import dev.crm.query.asof.AsOf;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.web.PageResponse;
import dev.crm.query.web.ReadModels;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads of leads, with the filters of the leads reference. */
@RestController
@RequestMapping("/api/leads")
class LeadQueryController {

    private final ReadModels readModels;
    private final PointInTime pointInTime;

    LeadQueryController(ReadModels readModels, PointInTime pointInTime) {
        this.readModels = readModels;
        this.pointInTime = pointInTime;
    }

    @GetMapping
    PageResponse<LeadView> list(@Valid LeadFilter filter) {
        var query = filter.query();
        return PageResponse.of(readModels.page(query), query.page());
    }

    @GetMapping("/{id}")
    Versioned<LeadView> get(@PathVariable String id, AsOf at) {
        IdType.LEAD.requireMatch(id);
        return pointInTime.find(new FindLead(id), LeadQueryHandler.ROWS, "no lead with id " + id, at.asOf());
    }
}
