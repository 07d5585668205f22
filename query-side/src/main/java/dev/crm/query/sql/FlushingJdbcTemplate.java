package dev.crm.query.sql;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The application's {@code JdbcTemplate}: before any statement of its own runs, the transaction's held
 * projection writes ({@link DeferredWrites}) are sent, so that every query and every other write sees them
 * and runs after them, as if they had been sent one by one.
 */
public class FlushingJdbcTemplate extends JdbcTemplate {

    private final DeferredWrites writes;

    public FlushingJdbcTemplate(DataSource dataSource, DeferredWrites writes) {
        super(dataSource);
        this.writes = writes;
    }

    /** Called for every statement this template runs, before it runs: the one hook all of them pass. */
    @Override
    protected void applyStatementSettings(Statement statement) throws SQLException {
        writes.flush();
        super.applyStatementSettings(statement);
    }
}
