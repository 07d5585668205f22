package dev.crm.query.admin;

/**
 * Implemented by a projection whose tables a rebuild may compute set-based, from {@link RecordFold}s that
 * say what its handlers do, instead of calling the handlers event by event: many times faster. The
 * rebuild test compares both row for row.
 */
public interface SetBasedReplay {

    /** One fold per table the projection writes. */
    java.util.List<RecordFold> folds();
}
