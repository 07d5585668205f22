package dev.crm.query.report;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/reports/...}: reports for analysts, from streaming projections that may lag a moment. */
@RestController
@RequestMapping("/api/reports")
class ReportsController {

    private final Reports reports;

    ReportsController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/stage-durations")
    StageDurations stageDurations(@Valid StageDurationsFilter filter) {
        return reports.stageDurations(filter.entity());
    }

    @GetMapping("/stage-counts")
    StageCounts stageCounts(@Valid StageCountsFilter filter) {
        return reports.stageCounts(filter.entity(), filter.interval(), filter.points());
    }

    @GetMapping("/lead-funnel")
    LeadFunnel leadFunnel(@Valid LeadFunnelPeriod period) {
        return reports.leadFunnel(period.from(), period.to());
    }
}
