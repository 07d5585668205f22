package dev.crm.api.opportunity;

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
     * A partial update: {@code null} keeps a field, an empty string clears an optional reference.
     * {@code clearCloseDate} clears the close date (a {@code null} date means "keep").
     */
    record UpdateOpportunity(@TargetAggregateIdentifier String opportunityId, Long expectedVersion, String name,
                             BigDecimal value, String currency, OpportunityStage stage, String accountId,
                             String contactId, String assignedTo, LocalDate closeDate, boolean clearCloseDate)
            implements OpportunityCommands {
    }

    record DeleteOpportunity(@TargetAggregateIdentifier String opportunityId, Long expectedVersion)
            implements OpportunityCommands {
    }
}
