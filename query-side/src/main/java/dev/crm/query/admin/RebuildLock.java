package dev.crm.query.admin;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The right to rebuild one projection, across every instance of the application: a PostgreSQL session
 * advisory lock, held by a pooled connection of its own for as long as the rebuild runs. Two rebuilds of one
 * projection would share (and ruin) its shadow tables.
 */
final class RebuildLock implements AutoCloseable {

    private static final String KEY = "hashtextextended('crm-rebuild:' || ?, 0)";

    private final Connection connection;
    private final String projection;

    private RebuildLock(Connection connection, String projection) {
        this.connection = connection;
        this.projection = projection;
    }

    /** The lock, or empty when another rebuild of the projection holds it. */
    static Optional<RebuildLock> tryTake(DataSource dataSource, String projection) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (call(connection, "pg_try_advisory_lock", projection)) {
                return Optional.of(new RebuildLock(connection, projection));
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    /** Releases the lock before the connection goes back to the pool (which keeps sessions alive). */
    @Override
    public void close() throws SQLException {
        try (connection) {
            call(connection, "pg_advisory_unlock", projection);
        }
    }

    private static boolean call(Connection connection, String function, String projection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(" + KEY + ")")) {
            statement.setString(1, projection);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
