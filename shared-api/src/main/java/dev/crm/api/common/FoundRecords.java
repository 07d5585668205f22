package dev.crm.api.common;

import java.util.Map;

/** The answer to {@link FindRecords}: the records that exist, {@code Versioned<V>} of their views by id. */
public record FoundRecords(Map<String, Versioned<?>> byId) {
}
