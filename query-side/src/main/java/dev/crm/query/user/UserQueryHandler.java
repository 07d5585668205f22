package dev.crm.query.user;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Page;
import dev.crm.api.user.AuthenticatedUser;
import dev.crm.api.user.Role;
import dev.crm.api.user.UserQueries.AuthenticateToken;
import dev.crm.api.user.UserQueries.ListUsers;
import dev.crm.api.user.UserView;
import dev.crm.api.common.WireEnums;
import dev.crm.query.asof.RecordRows;
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
import java.util.Optional;

/** Answers questions about users and tokens from {@code app_user} and {@code api_token}. */
@Component
class UserQueryHandler extends RecordQueryHandler<UserView> {

    static final RecordRows ROWS = RecordRows.of(UserProjection.GROUP, "app_user").and("api_token", "user_id");
    private static final String NAME = "trim(concat_ws(' ', t.first_name, t.last_name))";
    private static final PagedSql<UserView> SQL = RecordSelect.from("app_user").with(NAME + " AS name")
            .pages(Rows.view(UserView.class))
            .orderableBy(Map.of("lastName", "lower(t.last_name)", "email", "lower(t.email)"));

    private final NamedParameterJdbcTemplate jdbc;
    private final TokenCache tokens;

    UserQueryHandler(NamedParameterJdbcTemplate jdbc, RecordsById recordsById, TokenCache tokens) {
        super(recordsById, IdType.USER, SQL);
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page list(ListUsers query) {
        SqlWhere where = new SqlWhere()
                .equal("t.role", query.role())
                .equal("t.active", query.active())
                .search(query.search(), "t.first_name", "t.last_name", NAME, "t.email");
        return page(where, query.page());
    }

    /** Asked on every request: answered from {@link TokenCache} when it can be. */
    @QueryHandler
    Optional<AuthenticatedUser> authenticate(AuthenticateToken query) {
        return tokens.get(query.tokenHash(), () -> lookUp(query.tokenHash()));
    }

    private Optional<AuthenticatedUser> lookUp(String tokenHash) {
        return jdbc.query("""
                        SELECT k.id AS token_id, t.id, t.role, %s AS name
                          FROM read_model.api_token k JOIN read_model.app_user t ON t.id = k.user_id
                         WHERE k.token_hash = :hash AND NOT k.revoked AND t.active""".formatted(NAME),
                Map.of("hash", tokenHash),
                (rs, n) -> new AuthenticatedUser(rs.getString("id"), rs.getString("name"), role(rs.getString("role")),
                        rs.getString("token_id"))).stream().findFirst();
    }

    private static Role role(String value) {
        return WireEnums.parse(Role.class, value).orElseThrow();
    }
}
