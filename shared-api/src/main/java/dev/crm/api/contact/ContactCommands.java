package dev.crm.api.contact;

import dev.crm.api.common.Patch;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** What can be asked of a contact. */
public sealed interface ContactCommands {

    record CreateContact(@TargetAggregateIdentifier String contactId,
                         String firstName, String lastName, String email, String phone, String title, String notes,
                         ContactStage stage, String accountId, String assignedTo, List<String> tags,
                         boolean emailOptOut, boolean emailBounced) implements ContactCommands {
    }

    /**
     * A partial update: a {@link Patch} field may be left out, cleared or set; a field that cannot be cleared
     * is left as it is when {@code null}. {@code expectedVersion} (from {@code If-Match}) is checked when present.
     */
    record UpdateContact(@TargetAggregateIdentifier String contactId, Long expectedVersion,
                         Patch<String> firstName, Patch<String> lastName, String email, Patch<String> phone,
                         Patch<String> title, Patch<String> notes, ContactStage stage, Patch<String> accountId,
                         Patch<String> assignedTo, Patch<List<String>> tags, Boolean emailOptOut,
                         Boolean emailBounced) implements ContactCommands {
    }

    /**
     * Deletes the contact with its notes and tasks, and unlinks the opportunities that name it: one
     * transaction, one deletion event per record that goes.
     */
    record DeleteContact(@TargetAggregateIdentifier String contactId, Long expectedVersion) implements ContactCommands {
    }

    /**
     * Erases the contact's person: deletes the contact (as {@link DeleteContact}) if it was not deleted, erases
     * the lead it was converted from, and destroys the person's key. Nothing happens to a person already erased.
     */
    record EraseContact(@TargetAggregateIdentifier String contactId) implements ContactCommands {
    }

    /** The contact's own part of {@link DeleteContact}. */
    record MarkContactDeleted(@TargetAggregateIdentifier String contactId, Long expectedVersion)
            implements ContactCommands {
    }
}
