package dev.crm.command.note;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.crm.api.common.InvalidRequestException;
import dev.crm.api.note.NoteCommands.AddNote;
import dev.crm.api.note.NoteCommands.DeleteNote;
import dev.crm.api.note.NoteCommands.EditNote;
import dev.crm.api.note.NoteEvents.NoteAdded;
import dev.crm.api.note.NoteEvents.NoteDeleted;
import dev.crm.api.note.NoteEvents.NoteEdited;
import dev.crm.command.common.Snapshots;
import dev.crm.command.common.Versions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static dev.crm.command.common.Values.isBlank;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/** A note written on a contact's timeline; its author is whoever's token wrote it. */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Note {

    static final String ACTOR = "actorId";

    @AggregateIdentifier
    private String noteId;
    private String contactId;
    private String body;

    Note() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Note(AddNote command, @MetaDataValue(ACTOR) String authorId) {
        requireBody(command.body());
        apply(new NoteAdded(command.noteId(), command.contactId(), command.body(), authorId));
    }

    @CommandHandler
    void handle(EditNote command) {
        Versions.check(command.expectedVersion());
        if (command.body() != null) {
            requireBody(command.body());
            if (!command.body().equals(body)) {
                apply(new NoteEdited(noteId, command.body()));
            }
        }
    }

    @CommandHandler
    void handle(DeleteNote command) {
        Versions.check(command.expectedVersion());
        apply(new NoteDeleted(noteId, contactId, command.withContact()));
    }

    private static void requireBody(String body) {
        if (isBlank(body)) {
            throw new InvalidRequestException("body", "is required");
        }
    }

    @EventSourcingHandler
    void on(NoteAdded event) {
        noteId = event.noteId();
        contactId = event.contactId();
        body = event.body();
    }

    @EventSourcingHandler
    void on(NoteEdited event) {
        body = event.body();
    }

    @EventSourcingHandler
    void on(NoteDeleted event) {
        markDeleted();
    }
}
