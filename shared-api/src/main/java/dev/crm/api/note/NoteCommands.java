package dev.crm.api.note;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of a note on a contact. The author is the acting user, taken from the metadata. */
public sealed interface NoteCommands {

    record AddNote(@TargetAggregateIdentifier String noteId, String contactId, String body) implements NoteCommands {
    }

    record EditNote(@TargetAggregateIdentifier String noteId, Long expectedVersion, String body)
            implements NoteCommands {
    }

    /** {@code withContact}: the note goes because its contact was deleted. */
    record DeleteNote(@TargetAggregateIdentifier String noteId, Long expectedVersion, boolean withContact)
            implements NoteCommands {
    }
}
