package dev.crm.api.privacy;

/**
 * A person's erasure, recorded on one of their records: from this event on, every personal field of the
 * person reads {@value PersonalData#ERASED}. Carries no personal data.
 */
public interface ErasureEvent {

    /** The erased record. */
    String recordId();
}
