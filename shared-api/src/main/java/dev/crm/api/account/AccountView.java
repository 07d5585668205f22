package dev.crm.api.account;

import java.time.Instant;
import java.util.List;

/** An account as the API shows it; {@code contactCount} is the number of contacts linked to it. */
public record AccountView(String id, String name, String domain, String industry, String phone, String assignedTo,
                          String assignedToName, List<String> tags, String notes, long contactCount,
                          Instant createdAt, Instant updatedAt) {
}
