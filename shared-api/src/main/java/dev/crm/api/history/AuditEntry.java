package dev.crm.api.history;

import java.time.Instant;
import java.util.Map;

/** One event of any record, as the audit log shows it: a history entry that also names its record. */
public record AuditEntry(String id, String type, String entityType, String entityId, long version,
                         Instant occurredAt, Actor actor, String requestId, Map<String, Change> changes) {
}
