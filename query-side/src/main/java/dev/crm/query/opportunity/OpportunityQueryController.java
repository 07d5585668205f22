package dev.crm.query.opportunity;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import dev.crm.api.opportunity.OpportunityQueries.FindOpportunity;
import dev.crm.api.opportunity.OpportunityView;
import dev.crm.query.asof.AsOf;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.web.PageResponse;
import dev.crm.query.web.ReadModels;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads of opportunities. */
@RestController
@RequestMapping("/api/opportunities")
class OpportunityQueryController {

    private final ReadModels readModels;
    private final PointInTime pointInTime;

    OpportunityQueryController(ReadModels readModels, PointInTime pointInTime) {
        this.readModels = readModels;
        this.pointInTime = pointInTime;
    }

    @GetMapping
    PageResponse<OpportunityView> list(@Valid OpportunityFilter filter) {
        var query = filter.query();
        return PageResponse.of(readModels.page(query), query.page());
    }

    @GetMapping("/{id}")
    Versioned<OpportunityView> get(@PathVariable String id, AsOf at) {
        IdType.OPPORTUNITY.requireMatch(id);
        return pointInTime.find(new FindOpportunity(id), OpportunityQueryHandler.ROWS, "no opportunity with id " + id, at.asOf());
    }
}
