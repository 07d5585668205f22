package dev.crm.api.common;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How either side reads the read models: the one client of the query side's answers, for a read endpoint and
 * for a write that answers with the record it changed. The query side answers in the caller's thread and
 * transaction, so inside a write it sees what the write did.
 */
public interface ReadModel {

    /** The record {@code find} asks for, if it exists. */
    <T> Optional<Versioned<T>> find(FindRecord find);

    /** The record {@code find} asks for; a {@link NotFoundException} with {@code notFound} when it does not exist. */
    default <T> Versioned<T> require(FindRecord find, String notFound) {
        return this.<T>find(find).orElseThrow(() -> new NotFoundException(notFound));
    }

    /** The record as it was at an instant, if it existed then (and the caller may see it). */
    <T> Optional<Versioned<T>> find(FindRecordAsOf find);

    /** The records the questions ask for, in one query whatever their kinds; one that does not exist has no entry. */
    Map<FindRecord, Versioned<?>> findAll(List<FindRecord> finds);

    /** The page a {@code List...} query asks for. */
    <T> Page<T> page(Object listQuery);
}
