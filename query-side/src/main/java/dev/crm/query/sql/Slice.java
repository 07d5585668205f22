package dev.crm.query.sql;

import dev.crm.api.common.PageQuery;

/**
 * Where a page lies in its list of {@code count} rows, read from whichever end is nearer. Paging by position
 * steps over every row before the page (an index walked entry by entry); a page past the middle, the last one
 * above all, steps over fewer rows from the other end: the list in the opposite direction, its page of
 * rows turned back round. Both directions order by the ordering's expression and then the id, so one is
 * exactly the other reversed (PostgreSQL also puts nulls last ascending and first descending).
 *
 * @param limit    how many rows to read
 * @param offset   how many rows to step over, from the end the slice is read from
 * @param reversed read from the last row backwards: the rows come back in the opposite order to the page's
 */
record Slice(long limit, long offset, boolean reversed) {

    /** The rows of {@code page} in a list of {@code count} rows, of which {@code page.offset()} are before it. */
    static Slice of(PageQuery page, long count) {
        long end = Math.min(page.offset() + page.limit(), count);
        long afterPage = count - end;
        if (afterPage < page.offset()) {
            return new Slice(end - page.offset(), afterPage, true);
        }
        return new Slice(page.limit(), page.offset(), false);
    }

    /** The SQL direction to order by for a page asked for in {@code descending} order. */
    String direction(boolean descending) {
        return descending != reversed ? " DESC" : " ASC";
    }

    /** The SQL direction that puts the rows read, numbered as they came, back in the page's order. */
    String pageOrder() {
        return reversed ? " DESC" : " ASC";
    }
}
