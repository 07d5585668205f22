package dev.crm.api.common;

/**
 * A question for one record by its id ({@code FindContact}), answered with an {@code Optional<Versioned<V>>}
 * of the record's view. It can also be asked for many records at once: a write that answers with the record
 * it changed is read back together with the other writes committed with it, in one query.
 */
public interface FindRecord {

    /** The id of the record asked for. */
    String id();
}
