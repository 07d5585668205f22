package dev.crm.query.lead;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Page;
import dev.crm.api.common.WireEnums;
import dev.crm.api.lead.LeadQueries.ListLeads;
import dev.crm.api.lead.LeadStatus;
import dev.crm.api.lead.LeadView;
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

/** Answers lead queries from the {@code lead} table, joined with the assigned user's name. */
@Component
class LeadQueryHandler extends RecordQueryHandler<LeadView> {

    static final RecordRows ROWS = RecordRows.VERSIONED;
    private static final String SELECT = """
            SELECT t.*, nullif(trim(concat_ws(' ', u.first_name, u.last_name)), '') AS assigned_to_name
              FROM read_model.lead t
              LEFT JOIN read_model.app_user u ON u.id = t.assigned_to""";
    private static final RowMapper<LeadView> ROW = (rs, n) -> new LeadView(
            rs.getString("id"), rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
            rs.getString("phone"), rs.getString("company"),
            WireEnums.parse(LeadStatus.class, rs.getString("status")).orElseThrow(), rs.getString("source"),
            rs.getString("assigned_to"), rs.getString("assigned_to_name"),
            (Integer) rs.getObject("lead_score"), rs.getBoolean("email_opt_out"), rs.getBoolean("email_bounced"),
            instant(rs, "converted_at"), rs.getString("converted_contact_id"), rs.getString("notes"),
            instant(rs, "created_at"), instant(rs, "updated_at"));
    private static final PagedSql<LeadView> SQL = new PagedSql<>(SELECT, "lead",
            Map.of("createdAt", "t.created_at", "updatedAt", "t.updated_at", "lastName", "lower(t.last_name)",
                    "email", "lower(t.email)", "leadScore", "coalesce(t.lead_score, -1)"), // unscored leads rank lowest
            ROW).counting("status", "source", "assigned_to");

    LeadQueryHandler(RecordsById recordsById) {
        super(recordsById, IdType.LEAD, SQL, LeadView::id);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page list(ListLeads query) {
        SqlWhere where = new SqlWhere()
                .equal("t.status", query.status())
                .equal("t.source", query.source())
                .equal("t.assigned_to", query.assignedTo())
                .search(query.search(), "t.search_text")
                .after("t.created_at", query.createdAfter())
                .before("t.created_at", query.createdBefore());
        return page(where, query.page());
    }
}
