package dev.crm.api.history;

import java.util.Map;

/**
 * A deleted contact, lead, account or opportunity as its events left it: {@code fields} are its last known
 * values (a personal one reads {@code "[erased]"} once its person was erased).
 */
public record DeletedRecord(String entityType, String id, Map<String, Object> fields) {
}
