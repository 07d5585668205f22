package dev.crm.api.contact;

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
     * A partial update. A {@code null} field is left as it is; an empty string clears an optional text or
     * reference field. {@code expectedVersion} (from {@code If-Match}) is checked when present.
     */
    record UpdateContact(@TargetAggregateIdentifier String contactId, Long expectedVersion,
                         String firstName, String lastName, String email, String phone, String title, String notes,
                         ContactStage stage, String accountId, String assignedTo, List<String> tags,
                         Boolean emailOptOut, Boolean emailBounced) implements ContactCommands {
    }

    /**
     * Deletes the contact with its notes and tasks, and unlinks the opportunities that name it: one
     * transaction, one deletion event per record that goes.
     */
    record DeleteContact(@TargetAggregateIdentifier String contactId, Long expectedVersion) implements ContactCommands {
    }

    /** The contact's own part of {@link DeleteContact}. */
    record MarkContactDeleted(@TargetAggregateIdentifier String contactId, Long expectedVersion)
            implements ContactCommands {
    }
}
