package dev.crm.command.task;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.crm.api.common.InvalidRequestException;
import dev.crm.api.task.TaskCommands.CreateTask;
import dev.crm.api.task.TaskCommands.DeleteTask;
import dev.crm.api.task.TaskCommands.UpdateTask;
import dev.crm.api.task.TaskEvents.TaskAssigned;
import dev.crm.api.task.TaskEvents.TaskCompleted;
import dev.crm.api.task.TaskEvents.TaskContactChanged;
import dev.crm.api.task.TaskEvents.TaskCreated;
import dev.crm.api.task.TaskEvents.TaskDeleted;
import dev.crm.api.task.TaskEvents.TaskDetailsCorrected;
import dev.crm.api.task.TaskEvents.TaskReopened;
import dev.crm.api.task.TaskStatus;
import dev.crm.command.common.Snapshots;
import dev.crm.command.common.Versions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Objects;

import static dev.crm.command.common.Values.changed;
import static dev.crm.command.common.Values.isBlank;
import static dev.crm.command.common.Values.orNull;
import static dev.crm.command.common.Values.patch;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/** Something to do, by a time, maybe about a contact and for a user. */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Task {

    @AggregateIdentifier
    private String taskId;
    private String title;
    private Instant dueAt;
    private TaskStatus status;
    private String contactId;
    private String assignedTo;

    Task() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Task(CreateTask command) {
        requireTitle(command.title());
        apply(new TaskCreated(command.taskId(), command.title(), command.dueAt(),
                Objects.requireNonNullElse(command.status(), TaskStatus.OPEN), orNull(command.contactId()),
                orNull(command.assignedTo())));
    }

    @CommandHandler
    void handle(UpdateTask command) {
        Versions.check(command.expectedVersion());
        String newTitle = patch(title, command.title());
        requireTitle(newTitle);
        Instant newDueAt = command.dueAt().applyTo(dueAt);
        if (changed(title, newTitle) || changed(dueAt, newDueAt)) {
            apply(new TaskDetailsCorrected(taskId, newTitle, newDueAt));
        }
        TaskStatus newStatus = patch(status, command.status());
        if (newStatus != status) {
            apply(newStatus == TaskStatus.DONE ? new TaskCompleted(taskId) : new TaskReopened(taskId));
        }
        String newContact = command.contactId().applyTo(contactId);
        if (changed(contactId, newContact)) {
            apply(new TaskContactChanged(taskId, newContact));
        }
        String newAssignee = command.assignedTo().applyTo(assignedTo);
        if (changed(assignedTo, newAssignee)) {
            apply(new TaskAssigned(taskId, newAssignee));
        }
    }

    @CommandHandler
    void handle(DeleteTask command) {
        Versions.check(command.expectedVersion());
        apply(new TaskDeleted(taskId, contactId, command.withContact()));
    }

    private static void requireTitle(String title) {
        if (isBlank(title)) {
            throw new InvalidRequestException("title", "is required");
        }
    }

    @EventSourcingHandler
    void on(TaskCreated event) {
        taskId = event.taskId();
        title = event.title();
        dueAt = event.dueAt();
        status = event.status();
        contactId = event.contactId();
        assignedTo = event.assignedTo();
    }

    @EventSourcingHandler
    void on(TaskDetailsCorrected event) {
        title = event.title();
        dueAt = event.dueAt();
    }

    @EventSourcingHandler
    void on(TaskCompleted event) {
        status = TaskStatus.DONE;
    }

    @EventSourcingHandler
    void on(TaskReopened event) {
        status = TaskStatus.OPEN;
    }

    @EventSourcingHandler
    void on(TaskContactChanged event) {
        contactId = event.contactId();
    }

    @EventSourcingHandler
    void on(TaskAssigned event) {
        assignedTo = event.assignedTo();
    }

    @EventSourcingHandler
    void on(TaskDeleted event) {
        markDeleted();
    }
}
