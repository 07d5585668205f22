package dev.crm.api.lead;

import dev.crm.api.opportunity.OpportunityStage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** What can be asked of a lead. */
public sealed interface LeadCommands {

    record CreateLead(@TargetAggregateIdentifier String leadId,
                      String firstName, String lastName, String email, String phone, String company,
                      LeadStatus status, String source, String assignedTo, Integer leadScore,
                      boolean emailOptOut, boolean emailBounced, String notes) implements LeadCommands {
    }

    /**
     * A partial update: {@code null} keeps a field, an empty string clears an optional text or reference;
     * {@code clearLeadScore} clears the score (a {@code null} score means "keep").
     */
    record UpdateLead(@TargetAggregateIdentifier String leadId, Long expectedVersion,
                      String firstName, String lastName, String email, String phone, String company,
                      LeadStatus status, String source, String assignedTo, Integer leadScore, boolean clearLeadScore,
                      Boolean emailOptOut, Boolean emailBounced, String notes) implements LeadCommands {
    }

    record DeleteLead(@TargetAggregateIdentifier String leadId, Long expectedVersion) implements LeadCommands {
    }

    /**
     * Converts the lead: a new contact, optionally a new or an existing account, optionally a new
     * opportunity, and the lead marked converted, all in one transaction. The new ids are chosen by the
     * caller. Answers a {@link LeadConversion}.
     */
    record ConvertLead(@TargetAggregateIdentifier String leadId, String contactId,
                       boolean createAccount, String newAccountId, String accountName, String existingAccountId,
                       boolean createOpportunity, String opportunityId, String opportunityName,
                       BigDecimal opportunityValue, OpportunityStage opportunityStage) implements LeadCommands {
    }

    /**
     * The lead's own part of a conversion: refused when the lead is already converted. Answers the lead's
     * details as they were, for the records the conversion creates from them.
     */
    record MarkLeadConverted(@TargetAggregateIdentifier String leadId, String contactId, String accountId,
                             String opportunityId) implements LeadCommands {
    }

    /** The lead's details, as {@link MarkLeadConverted} answers them. */
    record LeadDetails(String firstName, String lastName, String email, String phone, String company,
                       String assignedTo, boolean emailOptOut, boolean emailBounced, String notes) {
    }

    /** What a conversion created or linked: ids, {@code null} where there is none. */
    record LeadConversion(String leadId, String contactId, String accountId, String opportunityId) {
    }
}
