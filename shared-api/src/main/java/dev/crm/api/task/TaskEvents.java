package dev.crm.api.task;

import dev.crm.api.common.DeletionEvent;

import java.time.Instant;

/**
 * What happened to tasks. A permanent contract: never change or remove a field of an event that has
 * landed; evolve it with an upcaster.
 */
public sealed interface TaskEvents {

    String taskId();

    record TaskCreated(String taskId, String title, Instant dueAt, TaskStatus status, String contactId,
                       String assignedTo) implements TaskEvents {
    }

    /** A correction of the title or due time; carries both as they are afterwards. */
    record TaskDetailsCorrected(String taskId, String title, Instant dueAt) implements TaskEvents {
    }

    record TaskCompleted(String taskId) implements TaskEvents {
    }

    record TaskReopened(String taskId) implements TaskEvents {
    }

    /** {@code contactId} is {@code null} when the task was unlinked from its contact. */
    record TaskContactChanged(String taskId, String contactId) implements TaskEvents {
    }

    /** {@code assignedTo} is {@code null} when the task was unassigned. */
    record TaskAssigned(String taskId, String assignedTo) implements TaskEvents {
    }

    /** {@code withContact} is true when the task was deleted because its contact was. */
    record TaskDeleted(String taskId, String contactId, boolean withContact) implements TaskEvents, DeletionEvent {
    }
}
