package dev.crm.api.note;

import dev.crm.api.common.PageQuery;

/** What can be asked of the note read model. */
public sealed interface NoteQueries {

    /** Answers a {@code Page<NoteView>}: the notes of one contact. */
    record ListNotes(String contactId, PageQuery page) implements NoteQueries {
    }
}
