package dev.crm.api.user;

import dev.crm.api.common.PageQuery;

/** What can be asked of the user read model. */
public sealed interface UserQueries {

    /** Answers a {@code Page<UserView>}; {@code null} filters do not filter. */
    record ListUsers(Role role, Boolean active, String search, PageQuery page) implements UserQueries {
    }

    /** Answers an {@code Optional<AuthenticatedUser>}: present only for a live token of an active user. */
    record AuthenticateToken(String tokenHash) implements UserQueries {
    }
}
