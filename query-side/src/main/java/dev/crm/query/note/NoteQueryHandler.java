package dev.crm.query.note;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Page;
import dev.crm.api.note.NoteQueries.ListNotes;
import dev.crm.api.note.NoteView;
import dev.crm.query.asof.RecordRows;
import dev.crm.query.sql.PagedSql;
import dev.crm.query.sql.RecordQueryHandler;
import dev.crm.query.sql.RecordsById;
import dev.crm.query.sql.SqlWhere;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Answers note queries from the {@code note} table. */
@Component
class NoteQueryHandler extends RecordQueryHandler<NoteView> {

    static final RecordRows ROWS = RecordRows.VERSIONED;
    private static final String SELECT = "SELECT t.* FROM read_model.note t";
    /** A note's columns are its view's components, by name ({@code contact_id} is {@code contactId}). */
    private static final PagedSql<NoteView> SQL = new PagedSql<>(SELECT, "note",
            Map.of("createdAt", "t.created_at", "updatedAt", "t.updated_at"),
            new DataClassRowMapper<>(NoteView.class));

    NoteQueryHandler(RecordsById recordsById) {
        super(recordsById, IdType.NOTE, SQL, NoteView::id);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page list(ListNotes query) {
        return page(new SqlWhere().equal("t.contact_id", query.contactId()), query.page());
    }
}
