package dev.crm.api.history;

import java.time.Instant;
import java.util.Map;

/**
 * One event of a record as its history shows it: {@code type} is {@code <entity>.<what happened>}, {@code version}
 * the record's version after the event, {@code requestId} the request that caused it ({@code null} for what the
 * server did on its own), {@code changes} every field the event changed.
 */
public record HistoryEntry(String id, String type, long version, Instant occurredAt, Actor actor, String requestId,
                           Map<String, Change> changes) {
}
