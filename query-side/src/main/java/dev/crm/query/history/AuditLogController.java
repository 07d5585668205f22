package dev.crm.query.history;

import dev.crm.api.history.AuditEntry;
import dev.crm.api.history.HistoryQueries.ListAuditLog;
import dev.crm.query.web.PageResponse;
import dev.crm.api.common.ReadModel;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit-log/} (admin, auditor; see the security configuration): every event, newest first. */
@RestController
class AuditLogController {

    private final ReadModel readModel;

    AuditLogController(ReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping("/api/audit-log")
    PageResponse<AuditEntry> list(@Valid AuditLogFilter filter) {
        ListAuditLog query = filter.query();
        return PageResponse.of(readModel.page(query), query.page());
    }
}
