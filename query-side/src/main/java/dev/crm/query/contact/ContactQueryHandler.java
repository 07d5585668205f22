package dev.crm.query.contact;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Page;
import dev.crm.api.common.WireEnums;
import dev.crm.api.contact.ContactQueries.ListContacts;
import dev.crm.api.contact.ContactStage;
import dev.crm.api.contact.ContactView;
import dev.crm.query.asof.RecordRows;
import dev.crm.query.sql.PagedSql;
import dev.crm.query.sql.RecordQueryHandler;
import dev.crm.query.sql.RecordsById;
import dev.crm.query.sql.SqlWhere;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.Map;

import static dev.crm.query.sql.Rows.instant;
import static dev.crm.query.sql.Rows.tags;

/** Answers contact queries from the {@code contact} table, joined with the names it shows. */
@Component
class ContactQueryHandler extends RecordQueryHandler<ContactView> {

    static final RecordRows ROWS = RecordRows.VERSIONED;
    private static final String SELECT = """
            SELECT t.*, nullif(trim(concat_ws(' ', u.first_name, u.last_name)), '') AS assigned_to_name,
                   a.name AS account_name
              FROM read_model.contact t
              LEFT JOIN read_model.app_user u ON u.id = t.assigned_to
              LEFT JOIN read_model.account a ON a.id = t.account_id""";
    private static final RowMapper<ContactView> ROW = (rs, n) -> new ContactView(
            rs.getString("id"), rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
            rs.getString("phone"), rs.getString("title"),
            WireEnums.parse(ContactStage.class, rs.getString("stage")).orElseThrow(),
            rs.getString("account_id"), rs.getString("account_name"), rs.getString("assigned_to"),
            rs.getString("assigned_to_name"), tags(rs, "tags"), rs.getBoolean("email_opt_out"),
            rs.getBoolean("email_bounced"), rs.getString("notes"), instant(rs, "created_at"),
            instant(rs, "updated_at"));
    private static final PagedSql<ContactView> SQL = new PagedSql<>(SELECT, "contact",
            Map.of("createdAt", "t.created_at", "updatedAt", "t.updated_at", "lastName", "lower(t.last_name)",
                    "email", "lower(t.email)"),
            ROW).counting("stage", "assigned_to", "tags");

    ContactQueryHandler(RecordsById recordsById) {
        super(recordsById, IdType.CONTACT, SQL, ContactView::id);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page list(ListContacts query) {
        SqlWhere where = new SqlWhere()
                .equal("t.stage", query.stage())
                .equal("t.assigned_to", query.assignedTo())
                .search(query.search(), "t.search_text")
                .after("t.created_at", query.createdAfter())
                .before("t.created_at", query.createdBefore())
                .containsAll("t.tags", query.tags());
        return page(where, query.page());
    }
}
