package dev.crm.query.account;

import dev.crm.api.account.AccountQueries.ListAccounts;
import dev.crm.api.common.IdType;
import dev.crm.query.record.RecordFilter;
import dev.crm.query.web.ListFilter;
import dev.crm.query.web.OrderBy;
import dev.crm.query.web.WholeNumber;
import dev.crm.query.web.RecordId;

import java.time.Instant;

/** The query string of {@code GET /api/accounts/}; absent filters do not filter. */
record AccountFilter(String search, @RecordId(IdType.USER) String assignedTo, String tags, Instant createdAfter,
                     Instant createdBefore, @WholeNumber Integer page, @WholeNumber Integer limit,
                     @OrderBy({"createdAt", "updatedAt", "name"}) String ordering, Instant asOf)
        implements RecordFilter {

    @Override
    public ListAccounts query() {
        return new ListAccounts(search, assignedTo, ListFilter.tags(tags), createdAfter, createdBefore, pageQuery());
    }
}
