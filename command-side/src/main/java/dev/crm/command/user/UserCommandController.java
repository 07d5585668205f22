package dev.crm.command.user;

import dev.crm.api.common.ForbiddenException;
import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import dev.crm.api.user.AuthenticatedUser;
import dev.crm.api.user.IssuedToken;
import dev.crm.api.user.Role;
import dev.crm.api.user.UserCommands.CreateUser;
import dev.crm.api.user.UserCommands.IssueToken;
import dev.crm.api.user.UserCommands.RevokeToken;
import dev.crm.api.user.UserCommands.UpdateUser;
import dev.crm.api.user.UserQueries.FindUser;
import dev.crm.api.user.UserView;
import dev.crm.command.web.GroupCommit;
import dev.crm.command.web.IfMatch;
import dev.crm.command.web.JsonFields;
import dev.crm.command.web.ReadBack;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.Set;

/**
 * Users and their tokens. Creating users and changing them is for admins (the security configuration
 * says so); a token may be issued or revoked by an admin or by the user it belongs to.
 */
@RestController
@RequestMapping("/api/users")
class UserCommandController {

    private static final Set<String> WRITABLE = Set.of("firstName", "lastName", "email", "role", "active");
    private static final Set<String> READ_ONLY = Set.of("id", "name", "createdAt", "updatedAt");

    private final CommandGateway commandGateway;
    private final GroupCommit writes;
    private final ReadBack readBack;

    UserCommandController(CommandGateway commandGateway, GroupCommit writes, ReadBack readBack) {
        this.commandGateway = commandGateway;
        this.writes = writes;
        this.readBack = readBack;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IssuedToken> create(@RequestBody(required = false) JsonNode body) {
        JsonFields fields = JsonFields.of(body, WRITABLE, READ_ONLY);
        String firstName = fields.text("firstName", 100);
        String lastName = fields.text("lastName", 100);
        String email = fields.email("email");
        Role role = fields.enumValue("role", Role.class);
        if (fields.has("active")) {
            fields.reject("active", "a new user is always active");
        }
        fields.require("email", email);
        fields.requireName(firstName, lastName);
        fields.throwIfInvalid();
        String id = IdType.USER.newId();
        ApiTokens token = ApiTokens.generate();
        CreateUser command = new CreateUser(id, firstName, lastName, email, role, token.tokenId(), token.hash());
        Versioned<UserView> user = writes.run(() -> commandGateway.sendAndWait(command), new FindUser(id));
        return ResponseEntity
                .created(ReadBack.location("/api/users/{id}/", id))
                .body(new IssuedToken(token.tokenId(), token.token(), user.value()));
    }

    @PatchMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Versioned<UserView> update(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                               @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.USER.requireMatch(id);
        JsonFields fields = JsonFields.of(body, WRITABLE, READ_ONLY);
        String firstName = fields.text("firstName", 100);
        String lastName = fields.text("lastName", 100);
        String email = fields.email("email");
        Role role = fields.enumValue("role", Role.class);
        Boolean active = fields.bool("active");
        fields.rejectCleared("email", email);
        fields.throwIfInvalid();
        UpdateUser command = new UpdateUser(id, IfMatch.expectedVersion(ifMatch), firstName, lastName, email,
                role, active);
        return writes.run(() -> commandGateway.sendAndWait(command), new FindUser(id));
    }

    @PostMapping(path = "/{id}/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IssuedToken> issueToken(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                           @AuthenticationPrincipal AuthenticatedUser caller) {
        IdType.USER.requireMatch(id);
        requireAdminOrSelf(caller, id);
        JsonFields.requireEmpty(body);
        ApiTokens token = ApiTokens.generate();
        IssueToken command = new IssueToken(id, token.tokenId(), token.hash());
        Versioned<UserView> user = writes.run(() -> commandGateway.sendAndWait(command), new FindUser(id));
        return ResponseEntity.status(201).body(new IssuedToken(token.tokenId(), token.token(), user.value()));
    }

    @DeleteMapping("/{id}/tokens/{tokenId}")
    ResponseEntity<Void> revokeToken(@PathVariable String id, @PathVariable String tokenId,
                                     @AuthenticationPrincipal AuthenticatedUser caller) {
        IdType.USER.requireMatch(id);
        IdType.TOKEN.requireMatch(tokenId);
        requireAdminOrSelf(caller, id);
        RevokeToken command = new RevokeToken(id, tokenId);
        writes.run(() -> commandGateway.sendAndWait(command));
        return ResponseEntity.noContent().build();
    }

    private static void requireAdminOrSelf(AuthenticatedUser caller, String userId) {
        if (caller.role() != Role.ADMIN && !caller.userId().equals(userId)) {
            throw new ForbiddenException("only an admin or the user itself may manage a user's tokens");
        }
    }
}
