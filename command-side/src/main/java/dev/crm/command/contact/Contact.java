package dev.crm.command.contact;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.crm.api.contact.ContactCommands.CreateContact;
import dev.crm.api.contact.ContactCommands.MarkContactDeleted;
import dev.crm.api.contact.ContactCommands.UpdateContact;
import dev.crm.api.contact.ContactEvents.ContactAccountChanged;
import dev.crm.api.contact.ContactEvents.ContactAssigned;
import dev.crm.api.contact.ContactEvents.ContactCreated;
import dev.crm.api.contact.ContactEvents.ContactDeleted;
import dev.crm.api.contact.ContactEvents.ContactDetailsCorrected;
import dev.crm.api.contact.ContactEvents.ContactEmailStatusChanged;
import dev.crm.api.contact.ContactEvents.ContactStageChanged;
import dev.crm.api.contact.ContactEvents.ContactTagsChanged;
import dev.crm.api.contact.ContactStage;
import dev.crm.command.common.PersonRules;
import dev.crm.command.common.Snapshots;
import dev.crm.command.common.Versions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Objects;

import static dev.crm.command.common.Values.changed;
import static dev.crm.command.common.Values.orNull;
import static dev.crm.command.common.Values.patch;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A person the team deals with. Decides which events a command produces: an update emits one event per
 * aspect that really changed (details, stage, owner, account, tags, email status) and nothing at all
 * when nothing changed, so the history shows what happened and not what was re-sent.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Contact {

    @AggregateIdentifier
    private String contactId;
    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private String title;
    private String notes;
    private ContactStage stage;
    private String accountId;
    private String assignedTo;
    private List<String> tags;
    private boolean emailOptOut;
    private boolean emailBounced;

    Contact() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Contact(CreateContact command) {
        String first = orNull(command.firstName());
        String last = orNull(command.lastName());
        PersonRules.require(first, last, orNull(command.email()));
        apply(new ContactCreated(command.contactId(), first, last, command.email(), orNull(command.phone()),
                orNull(command.title()), orNull(command.notes()),
                Objects.requireNonNullElse(command.stage(), ContactStage.NEW), orNull(command.accountId()),
                orNull(command.assignedTo()), command.tags() == null ? List.of() : command.tags(),
                command.emailOptOut(), command.emailBounced()));
    }

    @CommandHandler
    void handle(UpdateContact command) {
        Versions.check(command.expectedVersion());
        String first = command.firstName().applyTo(firstName);
        String last = command.lastName().applyTo(lastName);
        String newEmail = patch(email, command.email());
        String newPhone = command.phone().applyTo(phone);
        String newTitle = command.title().applyTo(title);
        String newNotes = command.notes().applyTo(notes);
        PersonRules.require(first, last, newEmail);

        if (changed(firstName, first) || changed(lastName, last) || changed(email, newEmail)
                || changed(phone, newPhone) || changed(title, newTitle) || changed(notes, newNotes)) {
            apply(new ContactDetailsCorrected(contactId, first, last, newEmail, newPhone, newTitle, newNotes));
        }
        ContactStage newStage = patch(stage, command.stage());
        if (newStage != stage) {
            apply(new ContactStageChanged(contactId, stage, newStage));
        }
        String newAssignee = command.assignedTo().applyTo(assignedTo);
        if (changed(assignedTo, newAssignee)) {
            apply(new ContactAssigned(contactId, newAssignee));
        }
        String newAccount = command.accountId().applyTo(accountId);
        if (changed(accountId, newAccount)) {
            apply(new ContactAccountChanged(contactId, newAccount));
        }
        List<String> newTags = command.tags().clearedAs(List.of()).applyTo(tags);
        if (changed(tags, newTags)) {
            apply(new ContactTagsChanged(contactId, newTags));
        }
        boolean optOut = patch(emailOptOut, command.emailOptOut());
        boolean bounced = patch(emailBounced, command.emailBounced());
        if (optOut != emailOptOut || bounced != emailBounced) {
            apply(new ContactEmailStatusChanged(contactId, optOut, bounced));
        }
    }

    /** What else goes with the contact is done by {@link ContactDeletionHandler}. */
    @CommandHandler
    void handle(MarkContactDeleted command) {
        Versions.check(command.expectedVersion());
        apply(new ContactDeleted(contactId));
    }


    @EventSourcingHandler
    void on(ContactCreated event) {
        contactId = event.contactId();
        details(event.firstName(), event.lastName(), event.email(), event.phone(), event.title(), event.notes());
        stage = event.stage();
        accountId = event.accountId();
        assignedTo = event.assignedTo();
        tags = event.tags();
        emailOptOut = event.emailOptOut();
        emailBounced = event.emailBounced();
    }

    @EventSourcingHandler
    void on(ContactDetailsCorrected event) {
        details(event.firstName(), event.lastName(), event.email(), event.phone(), event.title(), event.notes());
    }

    private void details(String firstName, String lastName, String email, String phone, String title,
                         String notes) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.phone = phone;
        this.title = title;
        this.notes = notes;
    }

    @EventSourcingHandler
    void on(ContactStageChanged event) {
        stage = event.stage();
    }

    @EventSourcingHandler
    void on(ContactAssigned event) {
        assignedTo = event.assignedTo();
    }

    @EventSourcingHandler
    void on(ContactAccountChanged event) {
        accountId = event.accountId();
    }

    @EventSourcingHandler
    void on(ContactTagsChanged event) {
        tags = event.tags();
    }

    @EventSourcingHandler
    void on(ContactEmailStatusChanged event) {
        emailOptOut = event.emailOptOut();
        emailBounced = event.emailBounced();
    }

    @EventSourcingHandler
    void on(ContactDeleted event) {
        markDeleted();
    }
}
