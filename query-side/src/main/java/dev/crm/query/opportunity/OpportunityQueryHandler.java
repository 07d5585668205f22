package dev.crm.query.opportunity;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Page;
import dev.crm.api.common.WireEnums;
import dev.crm.api.opportunity.OpportunityQueries.ListOpportunities;
import dev.crm.api.opportunity.OpportunityStage;
import dev.crm.api.opportunity.OpportunityView;
import dev.crm.query.asof.RecordRows;
import dev.crm.query.sql.PagedSql;
import dev.crm.query.sql.RecordQueryHandler;
import dev.crm.query.sql.RecordsById;
import dev.crm.query.sql.SqlWhere;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Map;

import static dev.crm.query.sql.Rows.instant;

/** Answers opportunity queries from the {@code opportunity} table, joined with the names it shows. */
@Component
class OpportunityQueryHandler extends RecordQueryHandler<OpportunityView> {

    static final RecordRows ROWS = RecordRows.VERSIONED;
    private static final String SELECT = """
            SELECT t.*, nullif(trim(concat_ws(' ', u.first_name, u.last_name)), '') AS assigned_to_name,
                   a.name AS account_name
              FROM read_model.opportunity t
              LEFT JOIN read_model.app_user u ON u.id = t.assigned_to
              LEFT JOIN read_model.account a ON a.id = t.account_id""";
    private static final RowMapper<OpportunityView> ROW = (rs, n) -> new OpportunityView(
            rs.getString("id"), rs.getString("name"), rs.getBigDecimal("value"), rs.getString("currency"),
            WireEnums.parse(OpportunityStage.class, rs.getString("stage")).orElseThrow(),
            rs.getString("account_id"), rs.getString("account_name"), rs.getString("contact_id"),
            rs.getString("assigned_to"), rs.getString("assigned_to_name"), rs.getObject("close_date", LocalDate.class),
            instant(rs, "created_at"), instant(rs, "updated_at"));
    private static final PagedSql<OpportunityView> SQL = new PagedSql<>(SELECT, "opportunity",
            Map.of("createdAt", "t.created_at", "updatedAt", "t.updated_at", "name", "lower(t.name)",
                    "value", "t.value", "closeDate", "t.close_date"),
            ROW);

    OpportunityQueryHandler(RecordsById recordsById) {
        super(recordsById, IdType.OPPORTUNITY, SQL, OpportunityView::id);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page list(ListOpportunities query) {
        SqlWhere where = new SqlWhere()
                .equal("t.stage", query.stage())
                .equal("t.account_id", query.accountId())
                .equal("t.contact_id", query.contactId())
                .equal("t.assigned_to", query.assignedTo())
                .search(query.search(), "t.search_text")
                .after("t.created_at", query.createdAfter())
                .before("t.created_at", query.createdBefore());
        return page(where, query.page());
    }
}
