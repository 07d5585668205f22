package dev.crm.query.user;

import dev.crm.api.common.IdType;
import dev.crm.api.common.PageQuery;
import dev.crm.api.common.Versioned;
import dev.crm.api.user.AuthenticatedUser;
import dev.crm.api.user.Role;
import dev.crm.api.user.UserQueries.FindUser;
import dev.crm.api.user.UserQueries.ListUsers;
import dev.crm.api.user.UserView;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.web.ListParams;
import dev.crm.query.web.PageResponse;
import dev.crm.query.web.ReadModels;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/** Reads of users: the list (filters {@code role}, {@code active}, {@code search}), one user, and "me". */
@RestController
@RequestMapping("/api/users")
class UserQueryController {

    private static final Set<String> ORDERABLE = Set.of("createdAt", "updatedAt", "lastName", "email");

    private final ReadModels readModels;
    private final PointInTime pointInTime;

    UserQueryController(ReadModels readModels, PointInTime pointInTime) {
        this.readModels = readModels;
        this.pointInTime = pointInTime;
    }

    @GetMapping
    PageResponse<UserView> list(HttpServletRequest request) {
        ListParams params = ListParams.of(request);
        PageQuery page = params.page(ORDERABLE);
        ListUsers query = new ListUsers(params.enumValue("role", Role.class), params.bool("active"),
                params.text("search"), page);
        params.throwIfInvalid();
        return PageResponse.of(readModels.page(query), page, request);
    }

    @GetMapping("/me")
    Versioned<UserView> me(@AuthenticationPrincipal AuthenticatedUser caller) {
        return readModels.find(new FindUser(caller.userId()), "no user with id " + caller.userId());
    }

    @GetMapping("/{id}")
    Versioned<UserView> get(@PathVariable String id, HttpServletRequest request) {
        IdType.USER.requireMatch(id);
        return pointInTime.find(request, new FindUser(id), id, "no user with id " + id, UserProjection.GROUP,
                "DELETE FROM read_model.app_user WHERE id = ?", "DELETE FROM read_model.api_token WHERE user_id = ?");
    }
}
