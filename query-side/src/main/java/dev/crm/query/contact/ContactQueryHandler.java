package dev.crm.query.contact;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Page;
import dev.crm.api.contact.ContactQueries.ListContacts;
import dev.crm.api.contact.ContactView;
import dev.crm.query.sql.PagedSql;
import dev.crm.query.sql.RecordQueryHandler;
import dev.crm.query.sql.RecordSelect;
import dev.crm.query.sql.RecordsById;
import dev.crm.query.sql.Rows;
import dev.crm.query.sql.SqlWhere;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Answers contact queries from the {@code contact} table, joined with the names it shows. */
@Component
class ContactQueryHandler extends RecordQueryHandler<ContactView> {

    private static final PagedSql<ContactView> SQL = RecordSelect.from("contact").withAssigneeName().withAccountName()
            .pages(Rows.view(ContactView.class))
            .orderableBy(Map.of("lastName", "lower(t.last_name)", "email", "lower(t.email)"))
            .counting("stage", "assigned_to", "tags").countingDaysOfEachKey("created_at")
            .seekingHoursOf("updated_at").seekingRangesOf("lastName", "last_name").seekingRangesOf("email", "email");

    ContactQueryHandler(RecordsById recordsById) {
        super(recordsById, IdType.CONTACT, SQL);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page list(ListContacts query) {
        SqlWhere where = new SqlWhere()
                .equal("t.stage", query.stage())
                .equal("t.assigned_to", query.assignedTo())
                .containsAll("t.tags", query.tags())
                .searchText(query.search())
                .created(query.createdAfter(), query.createdBefore());
        return page(where, query.page());
    }
}
