package dev.crm.query.asof;

import java.time.Instant;

/**
 * The {@code ?asOf=} of a single-record read: a date or an ISO-8601 date-time, or {@code null} for the record
 * as it is now.
 */
public record AsOf(Instant asOf) {
}
