package dev.crm.query.admin;

import java.util.List;

/**
 * Implemented by a projection whose tables a rebuild may compute set-based, from {@link SetBasedFold}s that
 * say what its handlers do, instead of calling the handlers event by event: many times faster. The
 * rebuild test compares both row for row.
 */
public interface SetBasedReplay {

    /** Folds that together fill every table the projection writes. */
    List<? extends SetBasedFold> folds();
}
