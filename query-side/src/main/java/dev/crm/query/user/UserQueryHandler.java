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
import dev.crm.query.sql.RecordsById;
import dev.crm.query.sql.SqlWhere;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

import static dev.crm.query.sql.Rows.instant;

/** Answers questions about users and tokens from {@code app_user} and {@code api_token}. */
@Component
class UserQueryHandler extends RecordQueryHandler<UserView> {

    static final RecordRows ROWS = RecordRows.of(UserProjection.GROUP, "app_user").and("api_token", "user_id");
    private static final String NAME = "trim(concat_ws(' ', t.first_name, t.last_name))";
    private static final String SELECT = "SELECT t.*, " + NAME + " AS name FROM read_model.app_user t";
    private static final RowMapper<UserView> ROW = (rs, n) -> new UserView(
            rs.getString("id"), rs.getString("first_name"), rs.getString("last_name"), rs.getString("name"),
            rs.getString("email"), role(rs.getString("role")), rs.getBoolean("active"),
            instant(rs, "created_at"), instant(rs, "updated_at"));
    private static final PagedSql<UserView> SQL = new PagedSql<>(SELECT, "app_user",
            Map.of("createdAt", "t.created_at", "updatedAt", "t.updated_at", "lastName", "lower(t.last_name)",
                    "email", "lower(t.email)"),
            ROW);

    private final NamedParameterJdbcTemplate jdbc;
    private final TokenCache tokens;

    UserQueryHandler(NamedParameterJdbcTemplate jdbc, RecordsById recordsById, TokenCache tokens) {
        super(recordsById, IdType.USER, SQL, UserView::id);
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
