package dev.crm.api.lead;

import dev.crm.api.common.FindRecord;
import dev.crm.api.common.PageQuery;

import java.time.Instant;

/** What can be asked of the lead read model. */
public sealed interface LeadQueries {

    /** Answers an {@code Optional<Versioned<LeadView>>}. */
    record FindLead(String id) implements LeadQueries, FindRecord {
    }

    /** Answers a {@code Page<LeadView>}; {@code null} filters do not filter. */
    record ListLeads(LeadStatus status, String source, String assignedTo, String search, Instant createdAfter,
                     Instant createdBefore, PageQuery page) implements LeadQueries {
    }
}
