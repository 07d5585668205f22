package dev.crm.api.common;

/**
 * Whether a live record has this id, of any kind (the prefix names it): answered with a {@code Boolean}, from
 * the record's table alone. A write checking its references asks this instead of reading the whole record.
 */
public record RecordExists(String id) {
}
