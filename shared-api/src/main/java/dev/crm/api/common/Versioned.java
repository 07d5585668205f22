package dev.crm.api.common;

/**
 * A record as the read model holds it, with its version: the number of events the record has had.
 * The web layer sends the version as the {@code ETag} and the value as the body.
 * <p>
 * Query handlers declare it raw ({@code Versioned}, not {@code Versioned<ContactView>}): Axon matches a query's
 * expected answer against the handler's declared return type by raw class only.
 */
public record Versioned<T>(T value, long version) {
}
