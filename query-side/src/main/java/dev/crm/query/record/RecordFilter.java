package dev.crm.query.record;

import dev.crm.query.web.ListFilter;

/** A record type's list filter, bound from the query string, as the list query its handler answers. */
public interface RecordFilter extends ListFilter {

    /** The {@code List...} query, answered with a {@code Page} of the record type's views. */
    Object query();
}
