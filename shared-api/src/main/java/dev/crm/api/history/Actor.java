package dev.crm.api.history;

/** Who caused an event: the user behind the request's token, or {@code system} for start-up work. */
public record Actor(String id, String name) {
}
