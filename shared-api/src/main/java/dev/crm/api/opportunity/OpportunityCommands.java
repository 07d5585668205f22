package dev.crm.api.opportunity;

import dev.crm.api.common.Patch;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What can be asked of an opportunity (a possible deal). */
public sealed interface OpportunityCommands {

    record CreateOpportunity(@TargetAggregateIdentifier String opportunityId, String name, BigDecimal value,
                             String currency, OpportunityStage stage, String accountId, String contactId,
                             String assignedTo, LocalDate closeDate) implements OpportunityCommands {
    }

    /**
     * A partial update: a {@link Patch} may be left out, cleared or set; a field that cannot be cleared is left
     * as it is when {@code null}.
     */
    record UpdateOpportunity(@TargetAggregateIdentifier String opportunityId, Long expectedVersion, String name,
                             BigDecimal value, String currency, OpportunityStage stage, Patch<String> accountId,
                             Patch<String> contactId, Patch<String> assignedTo, Patch<LocalDate> closeDate)
            implements OpportunityCommands {
    }

    /** The opportunity no longer names a contact (the contact was deleted); it stays the account's business. */
    record UnlinkOpportunityContact(@TargetAggregateIdentifier String opportunityId) implements OpportunityCommands {
    }

    record DeleteOpportunity(@TargetAggregateIdentifier String opportunityId, Long expectedVersion)
            implements OpportunityCommands {
    }
}
