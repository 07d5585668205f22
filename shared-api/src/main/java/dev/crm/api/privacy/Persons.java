package dev.crm.api.privacy;

import java.util.List;

/**
 * The persons whose personal data the event store keeps, each under a key of their own: a contact, the lead
 * it was converted from and the contact's notes are one person. Erasing a person destroys the key, so their
 * personal fields read {@value PersonalData#ERASED} from then on without any event being changed.
 */
public interface Persons {

    /** Every record of the person {@code recordId} belongs to, itself first; just itself if it has no person. */
    List<String> recordsOf(String recordId);

    /** Whether the person {@code recordId} belongs to has been erased. */
    boolean isErased(String recordId);

    /**
     * In the current transaction: destroys the key of the person {@code recordId} belongs to, and every copy
     * of their data kept outside the events (snapshots, stored answers of idempotent requests).
     */
    void erase(String recordId);
}
