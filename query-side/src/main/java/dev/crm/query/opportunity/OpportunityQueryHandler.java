package dev.crm.query.opportunity;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Page;
import dev.crm.api.opportunity.OpportunityQueries.ListOpportunities;
import dev.crm.api.opportunity.OpportunityView;
import dev.crm.query.sql.PagedSql;
import dev.crm.query.sql.RecordQueryHandler;
import dev.crm.query.sql.RecordSelect;
import dev.crm.query.sql.RecordsById;
import dev.crm.query.sql.Rows;
import dev.crm.query.sql.SqlWhere;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Answers opportunity queries from the {@code opportunity} table, joined with the names it shows. */
@Component
class OpportunityQueryHandler extends RecordQueryHandler<OpportunityView> {

    private static final PagedSql<OpportunityView> SQL = RecordSelect.from("opportunity").withAssigneeName()
            .withAccountName()
            .pages(Rows.view(OpportunityView.class))
            .orderableBy(Map.of("name", "lower(t.name)", "value", "t.value", "closeDate", "t.close_date"));

    OpportunityQueryHandler(RecordsById recordsById) {
        super(recordsById, IdType.OPPORTUNITY, SQL);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page list(ListOpportunities query) {
        SqlWhere where = new SqlWhere()
                .equal("t.stage", query.stage())
                .equal("t.account_id", query.accountId())
                .equal("t.contact_id", query.contactId())
                .equal("t.assigned_to", query.assignedTo())
                .searchText(query.search())
                .created(query.createdAfter(), query.createdBefore());
        return page(where, query.page());
    }
}
