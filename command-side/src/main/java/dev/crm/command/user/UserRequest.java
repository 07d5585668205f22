package dev.crm.command.user;

import dev.crm.api.common.Patch;
import dev.crm.api.user.Role;
import dev.crm.api.user.UserCommands.CreateUser;
import dev.crm.api.user.UserCommands.UpdateUser;
import dev.crm.command.web.OnCreate;
import dev.crm.command.web.OnUpdate;
import dev.crm.command.web.WriteRequest;
import dev.crm.command.web.constraints.NameRequired;
import dev.crm.command.web.constraints.NotCleared;
import dev.crm.command.web.constraints.Required;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import static dev.crm.command.web.constraints.Shapes.AT_MOST;
import static dev.crm.command.web.constraints.Shapes.EMAIL;
import static dev.crm.command.web.constraints.Shapes.MAX_EMAIL;
import static dev.crm.command.web.constraints.Shapes.NOT_AN_EMAIL;

/** The body of {@code POST /api/users/} and of {@code PATCH /api/users/{id}/}. */
@WriteRequest(readOnly = {"id", "name", "createdAt", "updatedAt"})
@NameRequired(groups = OnCreate.class)
record UserRequest(
        Patch<@Size(max = 100, message = AT_MOST) String> firstName,
        Patch<@Size(max = 100, message = AT_MOST) String> lastName,
        @Required(groups = OnCreate.class) @NotCleared(groups = OnUpdate.class)
        Patch<@Size(max = MAX_EMAIL, message = AT_MOST) @Pattern(regexp = EMAIL, message = NOT_AN_EMAIL) String> email,
        Patch<Role> role,
        Patch<@Null(groups = OnCreate.class, message = "a new user is always active") Boolean> active)
        implements NameRequired.Named {

    CreateUser create(String id, ApiTokens token) {
        return new CreateUser(id, firstName.value(), lastName.value(), email.value(), role.value(), token.tokenId(),
                token.hash());
    }

    UpdateUser update(String id, Long expectedVersion) {
        return new UpdateUser(id, expectedVersion, firstName, lastName, email.value(), role.value(), active.value());
    }
}
