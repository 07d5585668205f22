package dev.crm.command.task;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Patch;
import dev.crm.api.task.TaskCommands.CreateTask;
import dev.crm.api.task.TaskCommands.UpdateTask;
import dev.crm.api.task.TaskStatus;
import dev.crm.command.web.OnCreate;
import dev.crm.command.web.OnUpdate;
import dev.crm.command.web.RecordRequest;
import dev.crm.command.web.WriteRequest;
import dev.crm.command.web.constraints.Kind;
import dev.crm.command.web.constraints.NotCleared;
import dev.crm.command.web.constraints.Reference;
import dev.crm.command.web.constraints.RequestValues;
import dev.crm.command.web.constraints.Required;
import jakarta.validation.constraints.Size;

import static dev.crm.command.web.constraints.Kind.Of.ISO_INSTANT;
import static dev.crm.command.web.constraints.Shapes.AT_MOST;

/** The body of {@code POST /api/tasks/} and of {@code PATCH /api/tasks/{id}/}. */
@WriteRequest(readOnly = {"id", "createdAt", "updatedAt"})
record TaskRequest(
        @Required(groups = OnCreate.class) @NotCleared(groups = OnUpdate.class)
        Patch<@Size(max = 200, message = AT_MOST) String> title,
        Patch<@Kind(ISO_INSTANT) String> dueAt,
        Patch<TaskStatus> status,
        Patch<@Reference(IdType.CONTACT) String> contactId,
        Patch<@Reference(IdType.USER) String> assignedTo) implements RecordRequest {

    @Override
    public CreateTask create(String id) {
        return new CreateTask(id, title.value(), dueAt.map(RequestValues::instant).value(), status.value(),
                contactId.value(), assignedTo.value());
    }

    @Override
    public UpdateTask update(String id, Long expectedVersion) {
        return new UpdateTask(id, expectedVersion, title.value(), dueAt.map(RequestValues::instant), status.value(),
                contactId, assignedTo);
    }
}
