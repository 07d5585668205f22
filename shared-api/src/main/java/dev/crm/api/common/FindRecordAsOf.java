package dev.crm.api.common;

import java.time.Instant;

/**
 * Answers an {@code Optional<Versioned>}: the record with this id (of any record type that keeps versions)
 * as it was at {@code asOf}; empty if it did not exist then, or is deleted now and the caller may not see
 * deleted records.
 */
public record FindRecordAsOf(String id, Instant asOf) {
}
