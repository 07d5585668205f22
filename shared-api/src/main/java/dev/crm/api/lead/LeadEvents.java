package dev.crm.api.lead;

import dev.crm.api.common.DeletionEvent;

/**
 * What happened to leads. A permanent contract: never change or remove a field of an event that has
 * landed; evolve it with an upcaster.
 */
public sealed interface LeadEvents {

    String leadId();

    record LeadCreated(String leadId,
                       String firstName, String lastName, String email, String phone, String company,
                       LeadStatus status, String source, String assignedTo, Integer leadScore,
                       boolean emailOptOut, boolean emailBounced, String notes) implements LeadEvents {
    }

    /** A correction of the plain details; carries all of them as they are after the correction. */
    record LeadDetailsCorrected(String leadId, String firstName, String lastName, String email, String phone,
                                String company, String source, String notes) implements LeadEvents {
    }

    record LeadStatusChanged(String leadId, LeadStatus previousStatus, LeadStatus status) implements LeadEvents {
    }

    /** {@code assignedTo} is {@code null} when the lead was unassigned. */
    record LeadAssigned(String leadId, String assignedTo) implements LeadEvents {
    }

    /** {@code leadScore} is {@code null} when the score was cleared. */
    record LeadScored(String leadId, Integer leadScore) implements LeadEvents {
    }

    record LeadEmailStatusChanged(String leadId, boolean emailOptOut, boolean emailBounced) implements LeadEvents {
    }

    /**
     * The lead became a contact (and maybe an account and an opportunity), created in the same transaction;
     * its status is {@code converted} from now on. {@code accountId}/{@code opportunityId} may be {@code null}.
     */
    record LeadConverted(String leadId, LeadStatus previousStatus, String contactId, String accountId,
                         String opportunityId) implements LeadEvents {
    }

    record LeadDeleted(String leadId) implements LeadEvents, DeletionEvent {
    }
}
