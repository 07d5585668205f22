package dev.crm.query.contact;

import dev.crm.api.common.IdType;
import dev.crm.api.contact.ContactQueries.ListContacts;
import dev.crm.api.contact.ContactStage;
import dev.crm.query.record.RecordFilter;
import dev.crm.query.web.ListFilter;
import dev.crm.query.web.OrderBy;
import dev.crm.query.web.WholeNumber;
import dev.crm.query.web.RecordId;

import java.time.Instant;

/** The query string of {@code GET /api/contacts/}; absent filters do not filter. */
record ContactFilter(ContactStage stage, @RecordId(IdType.USER) String assignedTo, String search,
                     Instant createdAfter, Instant createdBefore, String tags,
                     @WholeNumber Integer page, @WholeNumber Integer limit,
                     @OrderBy({"createdAt", "updatedAt", "lastName", "email"}) String ordering,
        Instant asOf)
        implements RecordFilter {

    @Override
    public ListContacts query() {
        return new ListContacts(stage, assignedTo, search, createdAfter, createdBefore, ListFilter.tags(tags),
                pageQuery());
    }
}
