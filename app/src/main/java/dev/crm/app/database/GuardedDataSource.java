package dev.crm.app.database;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The application's DataSource: the connection pool behind {@link DatabaseAvailability}'s circuit. A
 * connection is refused at once while the database is known to be down, and a failure to get one that
 * means it is down opens the circuit for everyone.
 */
class GuardedDataSource extends DelegatingDataSource {

    private final DatabaseAvailability availability;

    GuardedDataSource(DataSource pool, DatabaseAvailability availability) {
        super(pool);
        this.availability = availability;
    }

    @Override
    public Connection getConnection() throws SQLException {
        availability.checkAvailable();
        try {
            return super.getConnection();
        } catch (SQLException e) {
            availability.report(e);
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        availability.checkAvailable();
        try {
            return super.getConnection(username, password);
        } catch (SQLException e) {
            availability.report(e);
            throw e;
        }
    }
}
