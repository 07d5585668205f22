package dev.crm.api.common;

import java.time.Instant;

/**
 * Which page of a list to return and in what order. {@code orderBy} is an API field name
 * ({@code createdAt}, {@code lastName}, ...) the list's query handler knows how to sort by. {@code asOf}, when
 * given, asks for the list as it was at that instant: filters, ordering and count apply to each record's
 * state then.
 */
public record PageQuery(int page, int limit, String orderBy, boolean descending, Instant asOf) {

    /** A page of the list as it is now. */
    public PageQuery(int page, int limit, String orderBy, boolean descending) {
        this(page, limit, orderBy, descending, null);
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }
}
