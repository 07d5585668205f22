package dev.crm.api.lead;

import dev.crm.api.common.Patch;
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
     * A partial update: a {@link Patch} field may be left out, cleared or set; a field that cannot be cleared
     * is left as it is when {@code null}.
     */
    record UpdateLead(@TargetAggregateIdentifier String leadId, Long expectedVersion,
                      Patch<String> firstName, Patch<String> lastName, String email, Patch<String> phone,
                      Patch<String> company, LeadStatus status, Patch<String> source, Patch<String> assignedTo,
                      Patch<Integer> leadScore, Boolean emailOptOut, Boolean emailBounced, Patch<String> notes)
            implements LeadCommands {
    }

    record DeleteLead(@TargetAggregateIdentifier String leadId, Long expectedVersion) implements LeadCommands {
    }

    /** Erases the lead's person, and with it the contact the lead was converted into (see {@code EraseContact}). */
    record EraseLead(@TargetAggregateIdentifier String leadId) implements LeadCommands {
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
