package dev.crm.query.opportunity;

import dev.crm.api.common.IdType;
import dev.crm.api.common.PageQuery;
import dev.crm.api.common.Versioned;
import dev.crm.api.opportunity.OpportunityQueries.FindOpportunity;
import dev.crm.api.opportunity.OpportunityQueries.ListOpportunities;
import dev.crm.api.opportunity.OpportunityStage;
import dev.crm.api.opportunity.OpportunityView;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.web.ListParams;
import dev.crm.query.web.PageResponse;
import dev.crm.query.web.ReadModels;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/** Reads of opportunities. */
@RestController
@RequestMapping("/api/opportunities")
class OpportunityQueryController {

    private static final Set<String> ORDERABLE = Set.of("createdAt", "updatedAt", "name", "value", "closeDate");

    private final ReadModels readModels;
    private final PointInTime pointInTime;

    OpportunityQueryController(ReadModels readModels, PointInTime pointInTime) {
        this.readModels = readModels;
        this.pointInTime = pointInTime;
    }

    @GetMapping
    PageResponse<OpportunityView> list(HttpServletRequest request) {
        ListParams params = ListParams.of(request);
        PageQuery page = params.page(ORDERABLE);
        ListOpportunities query = new ListOpportunities(params.enumValue("stage", OpportunityStage.class),
                params.id("accountId", IdType.ACCOUNT), params.id("contactId", IdType.CONTACT),
                params.id("assignedTo", IdType.USER), params.text("search"), params.instant("createdAfter"),
                params.instant("createdBefore"), page);
        params.throwIfInvalid();
        return PageResponse.of(readModels.page(query), page, request);
    }

    @GetMapping("/{id}")
    Versioned<OpportunityView> get(@PathVariable String id, HttpServletRequest request) {
        IdType.OPPORTUNITY.requireMatch(id);
        return pointInTime.find(request, new FindOpportunity(id), id, "no opportunity with id " + id,
                OpportunityProjection.GROUP, "DELETE FROM read_model.opportunity WHERE id = ?");
    }
}
