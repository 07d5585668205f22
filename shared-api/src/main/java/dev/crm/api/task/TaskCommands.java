package dev.crm.api.task;

import dev.crm.api.common.Patch;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What can be asked of a task. */
public sealed interface TaskCommands {

    record CreateTask(@TargetAggregateIdentifier String taskId, String title, Instant dueAt, TaskStatus status,
                      String contactId, String assignedTo) implements TaskCommands {
    }

    /**
     * A partial update: a {@link Patch} may be left out, cleared or set; a field that cannot be cleared is left
     * as it is when {@code null}.
     */
    record UpdateTask(@TargetAggregateIdentifier String taskId, Long expectedVersion, String title,
                      Patch<Instant> dueAt, TaskStatus status, Patch<String> contactId, Patch<String> assignedTo)
            implements TaskCommands {
    }

    /** {@code withContact}: the task goes because its contact was deleted. */
    record DeleteTask(@TargetAggregateIdentifier String taskId, Long expectedVersion, boolean withContact)
            implements TaskCommands {
    }
}
