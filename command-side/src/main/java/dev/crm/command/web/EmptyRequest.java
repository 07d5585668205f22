package dev.crm.command.web;

/** The body of an endpoint that takes none: no body, or {@code {}}; any field in it is unknown. */
@WriteRequest
public record EmptyRequest() {
}
