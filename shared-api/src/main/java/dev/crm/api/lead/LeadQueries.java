package dev.crm.api.lead;

import dev.crm.api.common.FindRecord;
import dev.crm.api.common.PageQuery;

import java.time.Instant;
import java.util.List;

/** What can be asked of the lead read model. */
public sealed interface LeadQueries {

    /** Answers an {@code Optional<Versioned<LeadView>>}. */
    record FindLead(String leadId) implements LeadQueries, FindRecord {

        @Override
        public String id() {
            return leadId;
        }

        @Override
        public FindLeads forAll(List<String> ids) {
            return new FindLeads(ids);
        }
    }

    /** Answers the {@code FoundRecords} of the leads that exist, {@code Versioned<LeadView>} by id. */
    record FindLeads(List<String> leadIds) implements LeadQueries {
    }

    /** Answers a {@code Page<LeadView>}; {@code null} filters do not filter. */
    record ListLeads(LeadStatus status, String source, String assignedTo, String search, Instant createdAfter,
                     Instant createdBefore, PageQuery page) implements LeadQueries {
    }
}
