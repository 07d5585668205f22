package dev.crm.api.note;

import dev.crm.api.common.FindRecord;
import dev.crm.api.common.PageQuery;

import java.util.List;

/** What can be asked of the note read model. */
public sealed interface NoteQueries {

    /** Answers an {@code Optional<Versioned<NoteView>>}. */
    record FindNote(String noteId) implements NoteQueries, FindRecord {

        @Override
        public String id() {
            return noteId;
        }

        @Override
        public FindNotes forAll(List<String> ids) {
            return new FindNotes(ids);
        }
    }

    /** Answers the {@code FoundRecords} of the notes that exist, {@code Versioned<NoteView>} by id. */
    record FindNotes(List<String> noteIds) implements NoteQueries {
    }

    /** Answers a {@code Page<NoteView>}: the notes of one contact. */
    record ListNotes(String contactId, PageQuery page) implements NoteQueries {
    }
}
