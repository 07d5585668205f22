package dev.crm.api.privacy;

import dev.crm.api.common.DeletionEvent;

/**
 * A person's erasure, recorded on one of their records: from this event on, every personal field of the
 * person reads {@value PersonalData#ERASED}. Carries no personal data. The record stays deleted (it was
 * deleted before, if it was not already), so it is a deletion too.
 */
public interface ErasureEvent extends DeletionEvent {

    /** The erased record. */
    String recordId();
}
