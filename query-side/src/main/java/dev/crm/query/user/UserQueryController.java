package dev.crm.query.user;

import dev.crm.api.common.FindRecord;
import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import dev.crm.api.user.AuthenticatedUser;
import dev.crm.api.user.UserView;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.record.RecordQueryController;
import dev.crm.api.common.ReadModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads of users: the list (filters {@code role}, {@code active}, {@code search}), one user, and "me". */
@RestController
@RequestMapping("/api/users")
class UserQueryController extends RecordQueryController<UserView, UserFilter> {

    private final ReadModel readModel;

    UserQueryController(ReadModel readModel, PointInTime pointInTime) {
        super(readModel, pointInTime, IdType.USER, UserQueryHandler.ROWS);
        this.readModel = readModel;
    }

    @GetMapping("/me")
    Versioned<UserView> currentUser(@AuthenticationPrincipal AuthenticatedUser caller) {
        return readModel.require(new FindRecord(caller.userId()), "no user with id " + caller.userId());
    }
}
