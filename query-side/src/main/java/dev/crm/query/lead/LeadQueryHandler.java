package dev.crm.query.lead;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Page;
import dev.crm.api.lead.LeadQueries.ListLeads;
import dev.crm.api.lead.LeadView;
import dev.crm.query.sql.PagedSql;
import dev.crm.query.sql.RecordQueryHandler;
import dev.crm.query.sql.RecordSelect;
import dev.crm.query.sql.RecordsById;
import dev.crm.query.sql.Rows;
import dev.crm.query.sql.SqlWhere;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Answers lead queries from the {@code lead} table, joined with the assigned user's name. */
@Component
class LeadQueryHandler extends RecordQueryHandler<LeadView> {

    private static final PagedSql<LeadView> SQL = RecordSelect.from("lead").withAssigneeName()
            .pages(Rows.view(LeadView.class))
            .orderableBy(Map.of("lastName", "lower(t.last_name)", "email", "lower(t.email)",
                    "leadScore", "coalesce(t.lead_score, -1)")) // unscored leads rank lowest
            .counting("status", "source", "assigned_to").countingDaysOfEachKey("created_at")
            .seekingValuesOf("leadScore", "lead_score=", -1, 100); // counted per score: see its migration

    LeadQueryHandler(RecordsById recordsById) {
        super(recordsById, IdType.LEAD, SQL);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page list(ListLeads query) {
        SqlWhere where = new SqlWhere()
                .equal("t.status", query.status())
                .equal("t.source", query.source())
                .equal("t.assigned_to", query.assignedTo())
                .searchText(query.search())
                .created(query.createdAfter(), query.createdBefore());
        return page(where, query.page());
    }
}
