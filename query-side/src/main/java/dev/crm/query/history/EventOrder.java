package dev.crm.query.history;

import dev.crm.api.common.PageQuery;
import dev.crm.query.web.ListParams;

import java.util.Set;

/** Histories and the audit log are in event order; {@code ordering=occurredAt|-occurredAt} may reverse it. */
final class EventOrder {

    private EventOrder() {
    }

    static PageQuery page(ListParams params, boolean newestFirstByDefault) {
        PageQuery page = params.page(Set.of("occurredAt"));
        boolean descending = params.text("ordering") == null ? newestFirstByDefault : page.descending();
        return new PageQuery(page.page(), page.limit(), "occurredAt", descending);
    }
}
