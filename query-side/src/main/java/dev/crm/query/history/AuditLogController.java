package dev.crm.query.history;

import dev.crm.api.common.IdType;
import dev.crm.api.common.PageQuery;
import dev.crm.api.history.AuditEntry;
import dev.crm.api.history.HistoryQueries.ListAuditLog;
import dev.crm.query.web.ListParams;
import dev.crm.query.web.PageResponse;
import dev.crm.query.web.ReadModels;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/audit-log/} (admin, auditor; see the security configuration): every event, newest first. */
@RestController
class AuditLogController {

    private static final List<String> ENTITY_TYPES = List.of(IdType.CONTACT, IdType.LEAD, IdType.ACCOUNT,
            IdType.OPPORTUNITY, IdType.USER, IdType.NOTE, IdType.TASK).stream().map(IdType::entityType).toList();

    private final ReadModels readModels;

    AuditLogController(ReadModels readModels) {
        this.readModels = readModels;
    }

    @GetMapping("/api/audit-log")
    PageResponse<AuditEntry> list(HttpServletRequest request) {
        ListParams params = ListParams.of(request);
        PageQuery page = EventOrder.page(params, true);
        String entityType = params.text("entityType");
        if (entityType != null && !ENTITY_TYPES.contains(entityType)) {
            params.reject("entityType", "must be one of: " + String.join(", ", ENTITY_TYPES));
        }
        ListAuditLog query = new ListAuditLog(entityType, params.text("entityId"), params.text("actor"),
                params.text("type"), params.instant("after"), params.instant("before"), page);
        params.throwIfInvalid();
        return PageResponse.of(readModels.page(query), page, request);
    }
}
