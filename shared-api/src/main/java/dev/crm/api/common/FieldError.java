package dev.crm.api.common;

/** One invalid field of a request, as listed in a 400 answer. */
public record FieldError(String field, String message) {
}
