package dev.crm.query.history;

import dev.crm.api.common.EventNames;
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
import java.util.regex.Pattern;

/** {@code GET /api/audit-log/} (admin, auditor; see the security configuration): every event, newest first. */
@RestController
class AuditLogController {

    private static final List<String> ENTITY_TYPES = List.of(IdType.CONTACT, IdType.LEAD, IdType.ACCOUNT,
            IdType.OPPORTUNITY, IdType.USER, IdType.NOTE, IdType.TASK).stream().map(IdType::entityType).toList();

    /** The actor of what the server does on its own (the first admin at start-up). */
    private static final String SYSTEM = "system";
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z]+\\.[a-z0-9_]{1,100}");

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
        String entityId = params.text("entityId");
        if (entityId != null && EventNames.recordType(entityId).isEmpty()) {
            params.reject("entityId", "must be a record id, such as cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V");
        }
        String actor = params.text("actor");
        if (actor != null && !IdType.USER.matches(actor) && !actor.equals(SYSTEM)) {
            params.reject("actor", "must be a user id (usr_...) or " + SYSTEM);
        }
        String type = params.text("type");
        if (type != null && !EVENT_TYPE.matcher(type).matches()) {
            params.reject("type", "must be an event type such as contact.stage_changed");
        }
        ListAuditLog query = new ListAuditLog(entityType, entityId, actor, type, params.instant("after"),
                params.instant("before"), page);
        params.throwIfInvalid();
        return PageResponse.of(readModels.page(query), page, request);
    }
}
