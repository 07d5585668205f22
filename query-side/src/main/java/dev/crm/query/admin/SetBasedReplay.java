package dev.crm.query.admin;

/**
 * Implemented by a projection whose tables can also be computed from the events in set-based SQL: a
 * rebuild then fills its shadow tables with these statements for every event up to the named parameter
 * {@code :upTo} (an export position, {@code event_store.event_position.position}) instead of calling the
 * handlers event by event, which is many times faster, and applies only the events after that through the
 * handlers. The statements name the tables as {@code read_model.<table>} (they are redirected to the
 * shadows) and must give exactly what the handlers give; the rebuild test compares both row for row.
 */
public interface SetBasedReplay {

    /** The statements, run in order in one transaction. */
    java.util.List<String> replayStatements();
}
