package dev.crm.api.contact;

import dev.crm.api.common.DeletionEvent;
import dev.crm.api.privacy.DataSubject;
import dev.crm.api.privacy.ErasureEvent;
import dev.crm.api.privacy.PersonalData;

import java.util.List;

/**
 * What happened to contacts. These are a permanent contract: never change or remove a field of an event
 * that has landed; evolve it with an upcaster.
 */
public sealed interface ContactEvents {

    String contactId();

    record ContactCreated(@DataSubject String contactId,
                          @PersonalData String firstName, @PersonalData String lastName, @PersonalData String email,
                          @PersonalData String phone, String title, @PersonalData String notes,
                          ContactStage stage, String accountId, String assignedTo, List<String> tags,
                          boolean emailOptOut, boolean emailBounced) implements ContactEvents {
    }

    /** A correction of the plain details; carries all of them as they are after the correction. */
    record ContactDetailsCorrected(@DataSubject String contactId,
                                   @PersonalData String firstName, @PersonalData String lastName,
                                   @PersonalData String email, @PersonalData String phone, String title,
                                   @PersonalData String notes) implements ContactEvents {
    }

    record ContactStageChanged(String contactId, ContactStage previousStage, ContactStage stage)
            implements ContactEvents {
    }

    /** {@code assignedTo} is {@code null} when the contact was unassigned. */
    record ContactAssigned(String contactId, String assignedTo) implements ContactEvents {
    }

    /** {@code accountId} is {@code null} when the contact was unlinked from its account. */
    record ContactAccountChanged(String contactId, String accountId) implements ContactEvents {
    }

    record ContactTagsChanged(String contactId, List<String> tags) implements ContactEvents {
    }

    record ContactEmailStatusChanged(String contactId, boolean emailOptOut, boolean emailBounced)
            implements ContactEvents {
    }

    record ContactDeleted(String contactId) implements ContactEvents, DeletionEvent {
    }

    /** The contact's person was erased (see {@link ErasureEvent}); the contact was deleted before, if it was not. */
    record ContactErased(String contactId) implements ContactEvents, ErasureEvent {
        @Override
        public String recordId() {
            return contactId;
        }
    }
}
