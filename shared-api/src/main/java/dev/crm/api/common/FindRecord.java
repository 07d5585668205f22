package dev.crm.api.common;

/**
 * A question for one record by its id, of any kind (the id's prefix names it: {@code cnt_...}, {@code led_...}),
 * answered with an {@code Optional<Versioned<V>>} of the record's view. A write that answers with the record it
 * changed is read back with the other writes committed with it, in one {@link FindRecords}.
 */
public record FindRecord(String id) {
}
