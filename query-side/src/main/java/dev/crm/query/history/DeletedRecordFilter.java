package dev.crm.query.history;

import dev.crm.api.history.HistoryQueries.ListDeletedRecords;
import dev.crm.query.web.ListFilter;
import dev.crm.query.web.WholeNumber;

/** The query string of {@code GET /api/audit/deleted-records/}: newest record first, in one order only. */
record DeletedRecordFilter(String search, @WholeNumber Integer page, @WholeNumber Integer limit)
        implements ListFilter {

    @Override
    public String ordering() {
        return null;
    }

    ListDeletedRecords query() {
        return new ListDeletedRecords(search, pageQuery());
    }
}
