package dev.crm.query.account;

import dev.crm.api.account.AccountQueries.AccountDependents;
import dev.crm.api.account.AccountQueries.FindAccountDependents;
import dev.crm.api.account.AccountQueries.ListAccounts;
import dev.crm.api.account.AccountView;
import dev.crm.api.common.IdType;
import dev.crm.api.common.Page;
import dev.crm.query.sql.PagedSql;
import dev.crm.query.sql.RecordQueryHandler;
import dev.crm.query.sql.RecordSelect;
import dev.crm.query.sql.RecordsById;
import dev.crm.query.sql.Rows;
import dev.crm.query.sql.SqlWhere;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Answers account queries from the {@code account} table, joined with the owner's name and counting its
 * contacts (over the indexed {@code contact.account_id}) at query time.
 */
@Component
class AccountQueryHandler extends RecordQueryHandler<AccountView> {

    private static final PagedSql<AccountView> SQL = RecordSelect.from("account").withAssigneeName()
            .with("(SELECT count(*) FROM read_model.contact c WHERE c.account_id = t.id) AS contact_count")
            .pages(Rows.view(AccountView.class))
            .orderableBy(Map.of("name", "lower(t.name)"));
    private static final String DEPENDENTS = """
            SELECT (SELECT count(*) FROM read_model.contact WHERE account_id = :id) AS contacts,
                   (SELECT count(*) FROM read_model.opportunity
                     WHERE account_id = :id AND stage NOT IN ('closed_won', 'closed_lost')) AS open_opportunities""";

    private final NamedParameterJdbcTemplate jdbc;

    AccountQueryHandler(NamedParameterJdbcTemplate jdbc, RecordsById recordsById) {
        super(recordsById, IdType.ACCOUNT, SQL);
        this.jdbc = jdbc;
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page list(ListAccounts query) {
        SqlWhere where = new SqlWhere()
                .equal("t.assigned_to", query.assignedTo())
                .containsAll("t.tags", query.tags())
                .searchText(query.search())
                .created(query.createdAfter(), query.createdBefore());
        return page(where, query.page());
    }

    @QueryHandler
    AccountDependents dependents(FindAccountDependents query) {
        return jdbc.queryForObject(DEPENDENTS, Map.of("id", query.accountId()),
                (rs, n) -> new AccountDependents(rs.getLong("contacts"), rs.getLong("open_opportunities")));
    }
}
