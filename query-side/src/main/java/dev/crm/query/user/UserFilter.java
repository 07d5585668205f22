package dev.crm.query.user;

import dev.crm.api.user.Role;
import dev.crm.api.user.UserQueries.ListUsers;
import dev.crm.query.record.RecordFilter;
import dev.crm.query.web.OrderBy;
import dev.crm.query.web.WholeNumber;

/** The query string of {@code GET /api/users/}; absent filters do not filter. */
record UserFilter(Role role, Boolean active, String search, @WholeNumber Integer page, @WholeNumber Integer limit,
                  @OrderBy({"createdAt", "updatedAt", "lastName", "email"}) String ordering) implements RecordFilter {

    @Override
    public ListUsers query() {
        return new ListUsers(role, active, search, pageQuery());
    }
}
