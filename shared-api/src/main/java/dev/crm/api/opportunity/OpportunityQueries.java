package dev.crm.api.opportunity;

import dev.crm.api.common.PageQuery;

import java.time.Instant;

/** What can be asked of the opportunity read model. */
public sealed interface OpportunityQueries {

    /** Answers a {@code Page<OpportunityView>}; {@code null} filters do not filter. */
    record ListOpportunities(OpportunityStage stage, String accountId, String contactId, String assignedTo,
                             String search, Instant createdAfter, Instant createdBefore, PageQuery page)
            implements OpportunityQueries {
    }
}
