package dev.crm.command.user;

import dev.crm.api.common.FindRecord;
import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import dev.crm.api.user.IssuedToken;
import dev.crm.api.user.UserCommands.IssueToken;
import dev.crm.api.user.UserCommands.RevokeToken;
import dev.crm.api.user.UserView;
import dev.crm.command.web.EmptyRequest;
import dev.crm.command.web.IfMatch;
import dev.crm.command.web.OnCreate;
import dev.crm.command.web.OnUpdate;
import dev.crm.command.web.RecordWrites;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users and their tokens. Creating users and changing them is for admins (the security configuration
 * says so); a token may be issued or revoked by an admin or by the user it belongs to.
 */
@RestController
@RequestMapping("/api/users")
class UserCommandController {

    private static final String ADMIN_OR_SELF = "hasRole('ADMIN') or #id == authentication.principal.userId()";

    private final RecordWrites writes;

    UserCommandController(RecordWrites writes) {
        this.writes = writes;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IssuedToken> create(@Validated(OnCreate.class) @RequestBody UserRequest body) {
        String id = IdType.USER.newId();
        ApiTokens token = ApiTokens.generate();
        Versioned<UserView> user = writes.update(body.create(id, token), new FindRecord(id));
        return ResponseEntity.created(RecordWrites.location("/api/users/{id}/", id))
                .body(new IssuedToken(token.tokenId(), token.token(), user.value()));
    }

    @PatchMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Versioned<UserView> update(@PathVariable String id, @Validated(OnUpdate.class) @RequestBody UserRequest body,
                               @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.USER.requireMatch(id);
        return writes.update(body.update(id, IfMatch.expectedVersion(ifMatch)), new FindRecord(id));
    }

    @PreAuthorize(ADMIN_OR_SELF)
    @PostMapping(path = "/{id}/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IssuedToken> issueToken(@PathVariable String id,
                                                  @Valid @RequestBody(required = false) EmptyRequest body) {
        IdType.USER.requireMatch(id);
        ApiTokens token = ApiTokens.generate();
        Versioned<UserView> user = writes.update(new IssueToken(id, token.tokenId(), token.hash()), new FindRecord(id));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new IssuedToken(token.tokenId(), token.token(), user.value()));
    }

    @PreAuthorize(ADMIN_OR_SELF)
    @DeleteMapping("/{id}/tokens/{tokenId}")
    public ResponseEntity<Void> revokeToken(@PathVariable String id, @PathVariable String tokenId) {
        IdType.USER.requireMatch(id);
        IdType.TOKEN.requireMatch(tokenId);
        return writes.delete(new RevokeToken(id, tokenId));
    }
}
