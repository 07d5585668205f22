package dev.crm.query.lead;

import dev.crm.api.common.IdType;
import dev.crm.api.common.PageQuery;
import dev.crm.api.common.Versioned;
import dev.crm.api.lead.LeadQueries.FindLead;
import dev.crm.api.lead.LeadQueries.ListLeads;
import dev.crm.api.lead.LeadStatus;
import dev.crm.api.lead.LeadView;
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

/** Reads of leads, with the filters of the leads reference. */
@RestController
@RequestMapping("/api/leads")
class LeadQueryController {

    private static final Set<String> ORDERABLE = Set.of("createdAt", "updatedAt", "lastName", "email", "leadScore");

    private final ReadModels readModels;
    private final PointInTime pointInTime;

    LeadQueryController(ReadModels readModels, PointInTime pointInTime) {
        this.readModels = readModels;
        this.pointInTime = pointInTime;
    }

    @GetMapping
    PageResponse<LeadView> list(HttpServletRequest request) {
        ListParams params = ListParams.of(request);
        PageQuery page = params.page(ORDERABLE);
        ListLeads query = new ListLeads(params.enumValue("status", LeadStatus.class), params.text("source"),
                params.id("assignedTo", IdType.USER), params.text("search"), params.instant("createdAfter"),
                params.instant("createdBefore"), page);
        params.throwIfInvalid();
        return PageResponse.of(readModels.page(query), page, request);
    }

    @GetMapping("/{id}")
    Versioned<LeadView> get(@PathVariable String id, HttpServletRequest request) {
        IdType.LEAD.requireMatch(id);
        return pointInTime.find(request, new FindLead(id), id, "no lead with id " + id,
                LeadProjection.GROUP, "DELETE FROM read_model.lead WHERE id = ?");
    }
}
