package dev.crm.query.lead;

import dev.crm.api.common.IdType;
import dev.crm.api.lead.LeadQueries.ListLeads;
import dev.crm.api.lead.LeadStatus;
import dev.crm.query.record.RecordFilter;
import dev.crm.query.web.OrderBy;
import dev.crm.query.web.WholeNumber;
import dev.crm.query.web.RecordId;

import java.time.Instant;

/** The query string of {@code GET /api/leads/}; absent filters do not filter. */
record LeadFilter(LeadStatus status, String source, @RecordId(IdType.USER) String assignedTo, String search,
                  Instant createdAfter, Instant createdBefore, @WholeNumber Integer page, @WholeNumber Integer limit,
                  @OrderBy({"createdAt", "updatedAt", "lastName", "email", "leadScore"}) String ordering,
        Instant asOf)
        implements RecordFilter {

    @Override
    public ListLeads query() {
        return new ListLeads(status, source, assignedTo, search, createdAfter, createdBefore, pageQuery());
    }
}
