package dev.crm.command.contact;

import dev.crm.api.contact.ContactCommands.DeleteContact;
import dev.crm.api.contact.ContactCommands.MarkContactDeleted;
import dev.crm.api.contact.ContactDependents;
import dev.crm.api.note.NoteCommands.DeleteNote;
import dev.crm.api.opportunity.OpportunityCommands.UnlinkOpportunityContact;
import dev.crm.api.task.TaskCommands.DeleteTask;
import dev.crm.command.directory.OtherRecords;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Deleting a contact removes its notes and tasks (the contacts reference says so). Each goes by its own
 * deletion event, sent from here as a nested command, so all of them commit in the contact's transaction
 * and the audit log shows what went and why ({@code withContact}). Opportunities that name the contact
 * stay (they are the account's business) but are unlinked from it, by their own event in the same
 * transaction, so no read model points at a contact that is gone.
 */
@Component
class ContactDeletionHandler {

    @CommandHandler
    void handle(DeleteContact command, CommandGateway commands, OtherRecords records) {
        // First the contact itself: an unknown contact or a stale If-Match stops everything here.
        commands.sendAndWait(new MarkContactDeleted(command.contactId(), command.expectedVersion()));
        ContactDependents dependents = records.dependentsOfContact(command.contactId());
        for (String noteId : dependents.noteIds()) {
            commands.sendAndWait(new DeleteNote(noteId, null, true));
        }
        for (String taskId : dependents.taskIds()) {
            commands.sendAndWait(new DeleteTask(taskId, null, true));
        }
        for (String opportunityId : dependents.opportunityIds()) {
            commands.sendAndWait(new UnlinkOpportunityContact(opportunityId));
        }
    }
}
