package dev.crm.query.note;

import dev.crm.api.note.NoteEvents.NoteAdded;
import dev.crm.api.note.NoteEvents.NoteDeleted;
import dev.crm.api.note.NoteEvents.NoteEdited;
import dev.crm.query.admin.ReadModelTables;
import dev.crm.query.admin.RecordFold;
import dev.crm.query.admin.SetBasedReplay;
import dev.crm.query.sql.DeferredWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static dev.crm.query.sql.Rows.timestamp;
import static dev.crm.query.sql.Rows.version;

/** Keeps the {@code note} table in step with the note events. */
@Component
@ReadModelTables(value = "note", recordsIndependent = true)
@ProcessingGroup(NoteProjection.GROUP)
class NoteProjection implements SetBasedReplay {

    static final String GROUP = "notes";

    private final DeferredWrites writes;

    NoteProjection(DeferredWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(NoteAdded e, @Timestamp Instant at, @SequenceNumber long sequence) {
        writes.update("note", """
                INSERT INTO note (id, contact_id, body, author_id, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                e.noteId(), e.contactId(), e.body(), e.authorId(), timestamp(at), timestamp(at), version(sequence));
    }

    @EventHandler
    void on(NoteEdited e, @Timestamp Instant at, @SequenceNumber long sequence) {
        writes.update("note", "UPDATE note SET body = ?, updated_at = ?, version = ? WHERE id = ?",
                e.body(), timestamp(at), version(sequence), e.noteId());
    }

    @EventHandler
    void on(NoteDeleted e) {
        writes.update("note", "DELETE FROM note WHERE id = ?", e.noteId());
    }

    /** The handlers above, as a rebuild computes them set-based. */
    @Override
    public List<RecordFold> folds() {
        return List.of(RecordFold.of("note", NoteAdded.class)
                .changedBy(NoteEdited.class)
                .deletedBy(NoteDeleted.class));
    }
}
