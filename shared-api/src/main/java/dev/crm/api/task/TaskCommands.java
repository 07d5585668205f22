package dev.crm.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What can be asked of a task. */
public sealed interface TaskCommands {

    record CreateTask(@TargetAggregateIdentifier String taskId, String title, Instant dueAt, TaskStatus status,
                      String contactId, String assignedTo) implements TaskCommands {
    }

    /**
     * A partial update: {@code null} keeps a field, an empty string clears an optional reference;
     * {@code clearDueAt} clears the due time (a {@code null} {@code dueAt} means "keep").
     */
    record UpdateTask(@TargetAggregateIdentifier String taskId, Long expectedVersion, String title, Instant dueAt,
                      boolean clearDueAt, TaskStatus status, String contactId, String assignedTo)
            implements TaskCommands {
    }

    /** {@code withContact}: the task goes because its contact was deleted. */
    record DeleteTask(@TargetAggregateIdentifier String taskId, Long expectedVersion, boolean withContact)
            implements TaskCommands {
    }
}
