package dev.crm.api.common;

import java.util.List;

/**
 * A question for the records with these ids, of any kinds (each id names its kind): answered with the
 * {@link FoundRecords} of those that exist.
 */
public record FindRecords(List<String> ids) {
}
