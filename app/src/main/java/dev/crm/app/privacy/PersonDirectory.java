package dev.crm.app.privacy;

/** Which person a record belongs to, as events are sealed ({@link PersonalPayload}). */
interface PersonDirectory {

    /** The person {@code recordId} belongs to, or {@code null}. */
    Person find(String recordId);

    /** The person {@code recordId} belongs to; a new one, with a new key, if it has none yet. */
    Person findOrCreate(String recordId);

    /** From now on {@code recordId} belongs to {@code person} too (a record belongs to one person for good). */
    void link(String recordId, Person person);
}
