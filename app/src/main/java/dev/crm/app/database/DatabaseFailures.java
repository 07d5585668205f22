package dev.crm.app.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Tells, from any exception however deeply wrapped, whether it means the database could not be used. */
public final class DatabaseFailures {

    /** PostgreSQL's operator intervention codes for a server that stops or is not ready to take connections. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
    private static final int MAX_DEPTH = 32;

    private DatabaseFailures() {
    }

    /**
     * PostgreSQL cannot be reached: a connection could not be made or broke (SQLState class 08), the
     * server is shutting down, or {@link DatabaseAvailability} already knows it is down.
     */
    public static boolean isOutage(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof DatabaseUnavailableException) {
                return true;
            }
            if (t instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isEvicted(sql))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || SERVER_GOING_AWAY.contains(sqlState));
    }

    /**
     * Hikari's answer when a connection it has already closed is used again, as happens when it evicted the
     * connection for a connection failure while a transaction still held it (the rollback then fails so).
     */
    private static boolean isEvicted(SQLException e) {
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
    }

    /**
     * The request could not get the database for now, so a retry may well succeed: an outage, or no pooled
     * connection became free in time (Hikari's time-out without an underlying connection failure).
     */
    public static boolean isTemporary(Throwable e) {
        if (isOutage(e)) {
            return true;
        }
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
