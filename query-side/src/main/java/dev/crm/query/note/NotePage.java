package dev.crm.query.note;

import dev.crm.query.web.ListFilter;
import dev.crm.query.web.OrderBy;
import dev.crm.query.web.WholeNumber;

/** The query string of {@code GET /api/contacts/{id}/notes/}: paging only. */
record NotePage(@WholeNumber Integer page, @WholeNumber Integer limit,
                @OrderBy({"createdAt", "updatedAt"}) String ordering) implements ListFilter {
}
