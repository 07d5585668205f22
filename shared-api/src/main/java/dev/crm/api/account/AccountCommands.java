package dev.crm.api.account;

import dev.crm.api.common.Patch;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** What can be asked of an account (a company the team deals with). */
public sealed interface AccountCommands {

    record CreateAccount(@TargetAggregateIdentifier String accountId, String name, String domain, String industry,
                         String phone, String assignedTo, List<String> tags, String notes)
            implements AccountCommands {
    }

    /** A partial update: a {@link Patch} may be left out, cleared or set; a {@code null} name is left as it is. */
    record UpdateAccount(@TargetAggregateIdentifier String accountId, Long expectedVersion, String name,
                         Patch<String> domain, Patch<String> industry, Patch<String> phone, Patch<String> assignedTo,
                         Patch<List<String>> tags, Patch<String> notes) implements AccountCommands {
    }

    /** Refused (409) while contacts or open opportunities still belong to the account. */
    record DeleteAccount(@TargetAggregateIdentifier String accountId, Long expectedVersion)
            implements AccountCommands {
    }
}
