package dev.crm.query.history;

import dev.crm.api.common.PageQuery;
import dev.crm.query.web.ListFilter;
import dev.crm.query.web.OrderBy;
import dev.crm.query.web.WholeNumber;

/** The paging of a record's history: event order, {@code ordering=-occurredAt} for newest first. */
record EventPage(@WholeNumber Integer page, @WholeNumber Integer limit, @OrderBy("occurredAt") String ordering)
        implements ListFilter {

    @Override
    public PageQuery pageQuery() {
        return pageQuery("occurredAt", false);
    }
}
