package dev.crm.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** What can be asked of an account (a company the team deals with). */
public sealed interface AccountCommands {

    record CreateAccount(@TargetAggregateIdentifier String accountId, String name, String domain, String industry,
                         String phone, String assignedTo, List<String> tags, String notes)
            implements AccountCommands {
    }

    /** A partial update: {@code null} keeps a field, an empty string (or list) clears it. */
    record UpdateAccount(@TargetAggregateIdentifier String accountId, Long expectedVersion, String name,
                         String domain, String industry, String phone, String assignedTo, List<String> tags,
                         String notes) implements AccountCommands {
    }

    /** Refused (409) while contacts or open opportunities still belong to the account. */
    record DeleteAccount(@TargetAggregateIdentifier String accountId, Long expectedVersion)
            implements AccountCommands {
    }
}
