package dev.crm.api.task;

import java.time.Instant;

/** A task as the API shows it. */
public record TaskView(String id, String title, Instant dueAt, TaskStatus status, String contactId,
                       String assignedTo, Instant createdAt, Instant updatedAt) {
}
