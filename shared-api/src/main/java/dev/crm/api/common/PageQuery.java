package dev.crm.api.common;

/**
 * Which page of a list to return and in what order. {@code orderBy} is an API field name
 * ({@code createdAt}, {@code lastName}, ...) the list's query handler knows how to sort by.
 */
public record PageQuery(int page, int limit, String orderBy, boolean descending) {

    public long offset() {
        return (long) (page - 1) * limit;
    }
}
