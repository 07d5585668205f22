package dev.crm.api.lead;

import java.time.Instant;

/** A lead as the API shows it. */
public record LeadView(String id, String firstName, String lastName, String email, String phone, String company,
                       LeadStatus status, String source, String assignedTo, String assignedToName,
                       Integer leadScore, boolean emailOptOut, boolean emailBounced, Instant convertedAt,
                       String convertedContactId, String notes, Instant createdAt, Instant updatedAt) {
}
