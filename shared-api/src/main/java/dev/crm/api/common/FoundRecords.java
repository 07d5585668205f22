package dev.crm.api.common;

import java.util.Map;

/** The answer to a question for many records ({@link FindRecord#forAll}): the records that exist, by id. */
public record FoundRecords(Map<String, Versioned<?>> byId) {
}
