package dev.crm.api.user;

import java.time.Instant;

/** A user as the API shows it; {@code name} is {@code firstName lastName}. */
public record UserView(String id, String firstName, String lastName, String name, String email, Role role,
                       boolean active, Instant createdAt, Instant updatedAt) {
}
