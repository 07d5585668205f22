package dev.crm.api.lead;

import dev.crm.api.common.PageQuery;

import java.time.Instant;

/** What can be asked of the lead read model. */
public sealed interface LeadQueries {

    /** Answers a {@code Page<LeadView>}; {@code null} filters do not filter. */
    record ListLeads(LeadStatus status, String source, String assignedTo, String search, Instant createdAfter,
                     Instant createdBefore, PageQuery page) implements LeadQueries {
    }
}
