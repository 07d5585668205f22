package dev.crm.api.note;

import dev.crm.api.common.DeletionEvent;
import dev.crm.api.privacy.DataSubject;
import dev.crm.api.privacy.PersonalData;
import dev.crm.api.privacy.SamePerson;

/**
 * What happened to notes. A permanent contract: never change or remove a field of an event that has
 * landed; evolve it with an upcaster.
 */
public sealed interface NoteEvents {

    String noteId();

    record NoteAdded(@SamePerson String noteId, @DataSubject String contactId, @PersonalData String body,
                     String authorId) implements NoteEvents {
    }

    record NoteEdited(@DataSubject String noteId, @PersonalData String body) implements NoteEvents {
    }

    /** {@code withContact} is true when the note was deleted because its contact was. */
    record NoteDeleted(String noteId, String contactId, boolean withContact) implements NoteEvents, DeletionEvent {
    }
}
