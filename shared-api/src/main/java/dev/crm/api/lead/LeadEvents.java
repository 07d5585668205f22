package dev.crm.api.lead;

import dev.crm.api.common.DeletionEvent;
import dev.crm.api.privacy.DataSubject;
import dev.crm.api.privacy.ErasureEvent;
import dev.crm.api.privacy.PersonalData;
import dev.crm.api.privacy.SamePerson;

/**
 * What happened to leads. A permanent contract: never change or remove a field of an event that has
 * landed; evolve it with an upcaster.
 */
public sealed interface LeadEvents {

    String leadId();

    record LeadCreated(@DataSubject String leadId,
                       @PersonalData String firstName, @PersonalData String lastName, @PersonalData String email,
                       @PersonalData String phone, String company,
                       LeadStatus status, String source, String assignedTo, Integer leadScore,
                       boolean emailOptOut, boolean emailBounced, @PersonalData String notes) implements LeadEvents {
    }

    /** A correction of the plain details; carries all of them as they are after the correction. */
    record LeadDetailsCorrected(@DataSubject String leadId, @PersonalData String firstName,
                                @PersonalData String lastName, @PersonalData String email,
                                @PersonalData String phone, String company, String source,
                                @PersonalData String notes) implements LeadEvents {
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
    record LeadConverted(@DataSubject String leadId, LeadStatus previousStatus, @SamePerson String contactId,
                         String accountId,
                         String opportunityId) implements LeadEvents {
    }

    record LeadDeleted(String leadId) implements LeadEvents, DeletionEvent {
    }

    /** The lead's person was erased (see {@link ErasureEvent}); the lead was deleted before, if it was not. */
    record LeadErased(String leadId) implements LeadEvents, ErasureEvent {
        @Override
        public String recordId() {
            return leadId;
        }
    }
}
