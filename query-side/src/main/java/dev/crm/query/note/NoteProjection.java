package dev.crm.query.note;

import dev.crm.api.note.NoteEvents.NoteAdded;
import dev.crm.api.note.NoteEvents.NoteDeleted;
import dev.crm.api.note.NoteEvents.NoteEdited;
import dev.crm.api.contact.ContactEvents.ContactErased;
import dev.crm.query.admin.RecordFold;
import dev.crm.query.admin.RecordProjection;
import dev.crm.query.admin.RecordWriter;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/** Keeps the {@code note} table in step with the note events. */
@Component
@ProcessingGroup("notes")
class NoteProjection extends RecordProjection {

    NoteProjection(RecordWriter writer) {
        super(writer, RecordFold.of("note", NoteAdded.class)
                .changedBy(NoteEdited.class)
                .deletedBy(NoteDeleted.class)
                .erasedBy(ContactErased.class, "contact_id"));
    }
}
