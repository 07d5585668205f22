package dev.crm.command.user;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.crm.api.common.ConflictException;
import dev.crm.api.common.NotFoundException;
import dev.crm.api.user.Role;
import dev.crm.api.user.UserCommands.CreateUser;
import dev.crm.api.user.UserCommands.IssueToken;
import dev.crm.api.user.UserCommands.ReinstateAdmin;
import dev.crm.api.user.UserCommands.RevokeToken;
import dev.crm.api.user.UserCommands.UpdateUser;
import dev.crm.api.user.UserEvents.TokenIssued;
import dev.crm.api.user.UserEvents.TokenRevoked;
import dev.crm.api.user.UserEvents.UserCreated;
import dev.crm.api.user.UserEvents.UserDeactivated;
import dev.crm.api.user.UserEvents.UserDetailsCorrected;
import dev.crm.api.user.UserEvents.UserReactivated;
import dev.crm.api.user.UserEvents.UserRoleChanged;
import dev.crm.command.common.PersonRules;
import dev.crm.command.common.Snapshots;
import dev.crm.command.common.Versions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static dev.crm.command.common.Values.changed;
import static dev.crm.command.common.Values.orNull;
import static dev.crm.command.common.Values.patch;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Someone who uses the CRM through API tokens. Users are never deleted, only deactivated. */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class User {

    @AggregateIdentifier
    private String userId;
    private String firstName;
    private String lastName;
    private String email;
    private Role role;
    private boolean active;
    private final Set<String> liveTokens = new LinkedHashSet<>();

    User() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    User(CreateUser command) {
        String first = orNull(command.firstName());
        String last = orNull(command.lastName());
        PersonRules.require(first, last, orNull(command.email()));
        apply(new UserCreated(command.userId(), first, last, command.email(),
                Objects.requireNonNullElse(command.role(), Role.MEMBER)));
        apply(new TokenIssued(command.userId(), command.tokenId(), command.tokenHash()));
    }

    @CommandHandler
    void handle(UpdateUser command) {
        Versions.check(command.expectedVersion());
        String first = command.firstName().applyTo(firstName);
        String last = command.lastName().applyTo(lastName);
        String newEmail = patch(email, command.email());
        PersonRules.require(first, last, newEmail);
        if (changed(firstName, first) || changed(lastName, last) || changed(email, newEmail)) {
            apply(new UserDetailsCorrected(userId, first, last, newEmail));
        }
        change(patch(role, command.role()), patch(active, command.active()));
    }

    @CommandHandler
    void handle(ReinstateAdmin command) {
        change(Role.ADMIN, true);
    }

    private void change(Role newRole, boolean nowActive) {
        if (newRole != role) {
            apply(new UserRoleChanged(userId, role, newRole));
        }
        if (nowActive != active) {
            // Deactivation revokes every token for good: a reactivated user needs new ones. Users deactivated
            // before this rule still hold theirs, so reactivation revokes what is left first.
            revokeAllTokens();
            apply(nowActive ? new UserReactivated(userId) : new UserDeactivated(userId));
        }
    }

    @CommandHandler
    void handle(IssueToken command) {
        if (!active) {
            throw new ConflictException("user " + userId + " is deactivated; reactivate it before issuing tokens");
        }
        apply(new TokenIssued(userId, command.tokenId(), command.tokenHash()));
    }

    @CommandHandler
    void handle(RevokeToken command) {
        if (!liveTokens.contains(command.tokenId())) {
            throw new NotFoundException("user " + userId + " has no live token " + command.tokenId());
        }
        apply(new TokenRevoked(userId, command.tokenId()));
    }


    private void revokeAllTokens() {
        for (String tokenId : List.copyOf(liveTokens)) {
            apply(new TokenRevoked(userId, tokenId));
        }
    }

    @EventSourcingHandler
    void on(UserCreated event) {
        userId = event.userId();
        firstName = event.firstName();
        lastName = event.lastName();
        email = event.email();
        role = event.role();
        active = true;
    }

    @EventSourcingHandler
    void on(UserDetailsCorrected event) {
        firstName = event.firstName();
        lastName = event.lastName();
        email = event.email();
    }

    @EventSourcingHandler
    void on(UserRoleChanged event) {
        role = event.role();
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(UserReactivated event) {
        active = true;
    }

    @EventSourcingHandler
    void on(TokenIssued event) {
        liveTokens.add(event.tokenId());
    }

    @EventSourcingHandler
    void on(TokenRevoked event) {
        liveTokens.remove(event.tokenId());
    }
}
