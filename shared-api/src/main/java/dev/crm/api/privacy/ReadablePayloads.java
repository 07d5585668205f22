package dev.crm.api.privacy;

/**
 * Stored event payloads made readable for those who read the event store's rows themselves (the export, a
 * set-based rebuild): the {@link PersonalData} fields decrypted, or {@value PersonalData#ERASED}. Such a reader
 * joins each event row ({@code e}) to its person's key with {@link #PERSON_KEY_JOIN} and hands the key
 * ({@link #PERSON_KEY}) over with the payload, so that decrypting needs no query of its own.
 */
public interface ReadablePayloads {

    /** Joins the event row {@code e} to the key of the person its record belongs to. */
    String PERSON_KEY_JOIN = """
            LEFT JOIN event_store.person_record person_record ON person_record.record_id = e.aggregate_identifier
            LEFT JOIN event_store.person_key person_key ON person_key.person_id = person_record.person_id""";

    /** The key column of {@link #PERSON_KEY_JOIN}: {@code NULL} for a record of no person or of an erased one. */
    String PERSON_KEY = "person_key.key";

    /** Whether events of this stored payload type ({@code payload_type}) can hold personal data at all. */
    boolean mayHoldPersonalData(String payloadType);

    /** The stored payload (JSON) of an event of {@code payloadType}, its personal fields readable with {@code key}. */
    String readable(String payloadType, String storedPayload, byte[] key);
}
