package dev.crm.app.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * Tells Axon's event store when an append broke the unique {@code (aggregate_identifier, sequence_number)}:
 * another writer took that version first. Axon's default JDBC resolver only knows
 * {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws, so the lost race
 * surfaced as a generic {@code EventStoreException} (a 500) instead of a {@code ConcurrencyException} that
 * {@link ConcurrentWriteRetry} retries. PostgreSQL reports it as SQLSTATE 23505, {@code unique_violation}.
 */
class PostgresDuplicateKeys implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        if (UNIQUE_VIOLATION.equals(exception.getSQLState())) {
            return true;
        }
        // A batch insert reports the statement's own failure as the next exception.
        return exception instanceof BatchUpdateException batch && batch.getNextException() != null
                && UNIQUE_VIOLATION.equals(batch.getNextException().getSQLState());
    }
}
