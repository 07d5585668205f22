package dev.crm.query.opportunity;

import dev.crm.api.common.IdType;
import dev.crm.api.opportunity.OpportunityQueries.ListOpportunities;
import dev.crm.api.opportunity.OpportunityStage;
import dev.crm.query.record.RecordFilter;
import dev.crm.query.web.OrderBy;
import dev.crm.query.web.WholeNumber;
import dev.crm.query.web.RecordId;

import java.time.Instant;

/** The query string of {@code GET /api/opportunities/}; absent filters do not filter. */
record OpportunityFilter(OpportunityStage stage, @RecordId(IdType.ACCOUNT) String accountId,
                         @RecordId(IdType.CONTACT) String contactId, @RecordId(IdType.USER) String assignedTo,
                         String search, Instant createdAfter, Instant createdBefore,
                         @WholeNumber Integer page, @WholeNumber Integer limit,
                         @OrderBy({"createdAt", "updatedAt", "name", "value", "closeDate"}) String ordering,
        Instant asOf)
        implements RecordFilter {

    @Override
    public ListOpportunities query() {
        return new ListOpportunities(stage, accountId, contactId, assignedTo, search, createdAfter, createdBefore,
                pageQuery());
    }
}
