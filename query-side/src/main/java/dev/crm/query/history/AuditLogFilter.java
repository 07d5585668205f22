package dev.crm.query.history;

import dev.crm.api.common.IdType;
import dev.crm.api.common.PageQuery;
import dev.crm.api.history.HistoryQueries.ListAuditLog;
import dev.crm.query.web.ListFilter;
import dev.crm.query.web.OrderBy;
import dev.crm.query.web.WholeNumber;
import dev.crm.query.web.RecordId;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/**
 * The query string of {@code GET /api/audit-log/}: newest first unless {@code ordering=occurredAt}. The actor
 * of what the server does on its own (the first admin at start-up) is {@code system}.
 */
record AuditLogFilter(
        @Pattern(regexp = "contact|lead|account|opportunity|user|note|task",
                message = "must be one of: contact, lead, account, opportunity, user, note, task") String entityType,
        @RecordId String entityId,
        @RecordId(value = IdType.USER, or = "system") String actor,
        @Pattern(regexp = "[a-z]+\\.[a-z0-9_]{1,100}", message = "must be an event type such as contact.stage_changed")
        String type,
        Instant after, Instant before, @WholeNumber Integer page, @WholeNumber Integer limit,
        @OrderBy("occurredAt") String ordering) implements ListFilter {

    @Override
    public PageQuery pageQuery() {
        return pageQuery("occurredAt", true);
    }

    ListAuditLog query() {
        return new ListAuditLog(entityType, entityId, actor, type, after, before, pageQuery());
    }
}
