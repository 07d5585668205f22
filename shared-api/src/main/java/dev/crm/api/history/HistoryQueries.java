package dev.crm.api.history;

import dev.crm.api.common.PageQuery;

import java.time.Instant;

/** What can be asked of the event log: one record's history, the audit log of everything, deleted records. */
public sealed interface HistoryQueries {

    /**
     * Answers a {@code Page<HistoryEntry>}, oldest first, or throws {@code NotFoundException} when the record
     * never existed or has been deleted.
     */
    record ListHistory(String entityId, PageQuery page) implements HistoryQueries {
    }

    /** Answers a {@code Page<AuditEntry>}, newest first; {@code null} filters do not filter. */
    record ListAuditLog(String entityType, String entityId, String actor, String type, Instant after,
                        Instant before, PageQuery page) implements HistoryQueries {
    }

    /**
     * Answers a {@code Page<DeletedRecord>}, the newest record first: the deleted contacts, leads, accounts and
     * opportunities whose last known name, email, company or domain holds {@code search} (all when {@code null}).
     */
    record ListDeletedRecords(String search, PageQuery page) implements HistoryQueries {
    }
}
