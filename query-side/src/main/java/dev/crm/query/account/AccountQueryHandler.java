package dev.crm.query.account;

import dev.crm.api.account.AccountQueries.AccountDependents;
import dev.crm.api.account.AccountQueries.FindAccountDependents;
import dev.crm.api.account.AccountQueries.ListAccounts;
import dev.crm.api.account.AccountView;
import dev.crm.api.common.IdType;
import dev.crm.api.common.Page;
import dev.crm.query.asof.RecordRows;
import dev.crm.query.sql.PagedSql;
import dev.crm.query.sql.RecordQueryHandler;
import dev.crm.query.sql.RecordsById;
import dev.crm.query.sql.SqlWhere;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;

import static dev.crm.query.sql.Rows.instant;
import static dev.crm.query.sql.Rows.tags;

/**
 * Answers account queries from the {@code account} table, joined with the owner's name and counting its
 * contacts (over the indexed {@code contact.account_id}) at query time.
 */
@Component
class AccountQueryHandler extends RecordQueryHandler<AccountView> {

    static final RecordRows ROWS = RecordRows.VERSIONED;
    private static final String SELECT = """
            SELECT t.*, nullif(trim(concat_ws(' ', u.first_name, u.last_name)), '') AS assigned_to_name,
                   (SELECT count(*) FROM read_model.contact c WHERE c.account_id = t.id) AS contact_count
              FROM read_model.account t
              LEFT JOIN read_model.app_user u ON u.id = t.assigned_to""";
    private static final RowMapper<AccountView> ROW = (rs, n) -> new AccountView(
            rs.getString("id"), rs.getString("name"), rs.getString("domain"), rs.getString("industry"),
            rs.getString("phone"), rs.getString("assigned_to"), rs.getString("assigned_to_name"),
            tags(rs, "tags"), rs.getString("notes"), rs.getLong("contact_count"), instant(rs, "created_at"),
            instant(rs, "updated_at"));
    private static final PagedSql<AccountView> SQL = new PagedSql<>(SELECT, "account",
            Map.of("createdAt", "t.created_at", "updatedAt", "t.updated_at", "name", "lower(t.name)"),
            ROW);
    private static final String DEPENDENTS = """
            SELECT (SELECT count(*) FROM read_model.contact WHERE account_id = :id) AS contacts,
                   (SELECT count(*) FROM read_model.opportunity
                     WHERE account_id = :id AND stage NOT IN ('closed_won', 'closed_lost')) AS open_opportunities""";

    private final NamedParameterJdbcTemplate jdbc;

    AccountQueryHandler(NamedParameterJdbcTemplate jdbc, RecordsById recordsById) {
        super(recordsById, IdType.ACCOUNT, SQL, AccountView::id);
        this.jdbc = jdbc;
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page list(ListAccounts query) {
        SqlWhere where = new SqlWhere()
                .equal("t.assigned_to", query.assignedTo())
                .search(query.search(), "t.search_text")
                .after("t.created_at", query.createdAfter())
                .before("t.created_at", query.createdBefore())
                .containsAll("t.tags", query.tags());
        return page(where, query.page());
    }

    @QueryHandler
    AccountDependents dependents(FindAccountDependents query) {
        return jdbc.queryForObject(DEPENDENTS, Map.of("id", query.accountId()),
                (rs, n) -> new AccountDependents(rs.getLong("contacts"), rs.getLong("open_opportunities")));
    }
}
