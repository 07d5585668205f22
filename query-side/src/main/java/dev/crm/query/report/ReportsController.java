package dev.crm.query.report;

import dev.crm.api.common.IdType;
import dev.crm.query.web.ListParams;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Set;

/** {@code /api/reports/...}: reports for analysts, from streaming projections that may lag a moment. */
@RestController
@RequestMapping("/api/reports")
class ReportsController {

    private static final Set<IdType> STAGED = Set.of(IdType.CONTACT, IdType.LEAD, IdType.OPPORTUNITY);

    private final Reports reports;

    ReportsController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/stage-durations")
    StageDurations stageDurations(HttpServletRequest request) {
        ListParams params = ListParams.of(request);
        String entityType = params.text("entityType");
        IdType entity = STAGED.stream().filter(t -> t.entityType().equals(entityType)).findFirst().orElse(null);
        if (entity == null) {
            params.reject("entityType", "must be one of: contact, lead, opportunity");
        }
        params.throwIfInvalid();
        return reports.stageDurations(entity);
    }

    @GetMapping("/lead-funnel")
    LeadFunnel leadFunnel(HttpServletRequest request) {
        ListParams params = ListParams.of(request);
        Instant from = params.instant("from");
        Instant to = params.instant("to");
        if (from != null && to != null && !from.isBefore(to)) {
            params.reject("to", "must be after from");
        }
        params.throwIfInvalid();
        return reports.leadFunnel(from, to);
    }
}
