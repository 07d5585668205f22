package dev.crm.api.user;

import dev.crm.api.common.Patch;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of a user. Tokens arrive already hashed: the plain token never reaches an aggregate. */
public sealed interface UserCommands {

    /** Creates the user together with its first API token. */
    record CreateUser(@TargetAggregateIdentifier String userId, String firstName, String lastName, String email,
                      Role role, String tokenId, String tokenHash) implements UserCommands {
    }

    /**
     * A partial update: a name (a {@link Patch}) may be left out, cleared or set; the other fields are left as
     * they are when {@code null}.
     */
    record UpdateUser(@TargetAggregateIdentifier String userId, Long expectedVersion, Patch<String> firstName,
                      Patch<String> lastName, String email, Role role, Boolean active) implements UserCommands {
    }

    /** Makes the user an active admin again (the owner of the configured admin token, at start-up). */
    record ReinstateAdmin(@TargetAggregateIdentifier String userId) implements UserCommands {
    }

    record IssueToken(@TargetAggregateIdentifier String userId, String tokenId, String tokenHash)
            implements UserCommands {
    }

    record RevokeToken(@TargetAggregateIdentifier String userId, String tokenId) implements UserCommands {
    }
}
