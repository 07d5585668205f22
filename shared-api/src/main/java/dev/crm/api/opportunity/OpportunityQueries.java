package dev.crm.api.opportunity;

import dev.crm.api.common.FindRecord;
import dev.crm.api.common.PageQuery;

import java.time.Instant;
import java.util.List;

/** What can be asked of the opportunity read model. */
public sealed interface OpportunityQueries {

    /** Answers an {@code Optional<Versioned<OpportunityView>>}. */
    record FindOpportunity(String opportunityId) implements OpportunityQueries, FindRecord {

        @Override
        public String id() {
            return opportunityId;
        }

        @Override
        public FindOpportunities forAll(List<String> ids) {
            return new FindOpportunities(ids);
        }
    }

    /** Answers the {@code FoundRecords} of the opportunities that exist, {@code Versioned<OpportunityView>} by id. */
    record FindOpportunities(List<String> opportunityIds) implements OpportunityQueries {
    }

    /** Answers a {@code Page<OpportunityView>}; {@code null} filters do not filter. */
    record ListOpportunities(OpportunityStage stage, String accountId, String contactId, String assignedTo,
                             String search, Instant createdAfter, Instant createdBefore, PageQuery page)
            implements OpportunityQueries {
    }
}
