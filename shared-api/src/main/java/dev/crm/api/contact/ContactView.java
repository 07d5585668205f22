package dev.crm.api.contact;

import java.time.Instant;
import java.util.List;

/** A contact as the API shows it. */
public record ContactView(String id, String firstName, String lastName, String email, String phone, String title,
                          ContactStage stage, String accountId, String accountName, String assignedTo,
                          String assignedToName, List<String> tags, boolean emailOptOut, boolean emailBounced,
                          String notes, Instant createdAt, Instant updatedAt) {
}
