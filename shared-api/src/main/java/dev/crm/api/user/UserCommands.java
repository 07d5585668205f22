package dev.crm.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of a user. Tokens arrive already hashed: the plain token never reaches an aggregate. */
public sealed interface UserCommands {

    /** Creates the user together with its first API token. */
    record CreateUser(@TargetAggregateIdentifier String userId, String firstName, String lastName, String email,
                      Role role, String tokenId, String tokenHash) implements UserCommands {
    }

    /** A partial update; {@code null} fields stay as they are, an empty name clears it. */
    record UpdateUser(@TargetAggregateIdentifier String userId, Long expectedVersion, String firstName,
                      String lastName, String email, Role role, Boolean active) implements UserCommands {
    }

    record IssueToken(@TargetAggregateIdentifier String userId, String tokenId, String tokenHash)
            implements UserCommands {
    }

    record RevokeToken(@TargetAggregateIdentifier String userId, String tokenId) implements UserCommands {
    }
}
