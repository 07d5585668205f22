package dev.crm.query.user;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import dev.crm.api.user.AuthenticatedUser;
import dev.crm.api.user.UserQueries.FindUser;
import dev.crm.api.user.UserView;
import dev.crm.query.asof.AsOf;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.web.PageResponse;
import dev.crm.query.web.ReadModels;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads of users: the list (filters {@code role}, {@code active}, {@code search}), one user, and "me". */
@RestController
@RequestMapping("/api/users")
class UserQueryController {

    private final ReadModels readModels;
    private final PointInTime pointInTime;

    UserQueryController(ReadModels readModels, PointInTime pointInTime) {
        this.readModels = readModels;
        this.pointInTime = pointInTime;
    }

    @GetMapping
    PageResponse<UserView> list(@Valid UserFilter filter) {
        var query = filter.query();
        return PageResponse.of(readModels.page(query), query.page());
    }

    @GetMapping("/me")
    Versioned<UserView> me(@AuthenticationPrincipal AuthenticatedUser caller) {
        return readModels.find(new FindUser(caller.userId()), "no user with id " + caller.userId());
    }

    @GetMapping("/{id}")
    Versioned<UserView> get(@PathVariable String id, AsOf at) {
        IdType.USER.requireMatch(id);
        return pointInTime.find(new FindUser(id), UserQueryHandler.ROWS, "no user with id " + id, at.asOf());
    }
}
