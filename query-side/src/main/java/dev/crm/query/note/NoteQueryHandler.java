package dev.crm.query.note;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Page;
import dev.crm.api.note.NoteQueries.ListNotes;
import dev.crm.api.note.NoteView;
import dev.crm.query.sql.PagedSql;
import dev.crm.query.sql.RecordQueryHandler;
import dev.crm.query.sql.RecordSelect;
import dev.crm.query.sql.RecordsById;
import dev.crm.query.sql.Rows;
import dev.crm.query.sql.SqlWhere;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers note queries from the {@code note} table. */
@Component
class NoteQueryHandler extends RecordQueryHandler<NoteView> {

    private static final PagedSql<NoteView> SQL = RecordSelect.from("note").pages(Rows.view(NoteView.class));

    NoteQueryHandler(RecordsById recordsById) {
        super(recordsById, IdType.NOTE, SQL);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page list(ListNotes query) {
        return page(new SqlWhere().equal("t.contact_id", query.contactId()), query.page());
    }
}
