package dev.crm.app.database;

import java.sql.SQLTransientConnectionException;

/**
 * Thrown at once, instead of waiting for a connection, while {@link DatabaseAvailability} knows PostgreSQL
 * to be unreachable. A connection-class failure (SQLState 08001) to everything that handles those.
 */
public class DatabaseUnavailableException extends SQLTransientConnectionException {

    DatabaseUnavailableException() {
        super("PostgreSQL is unreachable; not trying until it answers again", "08001");
    }

    /** No stack trace: it is thrown on every request during an outage and says all there is to say. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
