package dev.crm.command.task;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import dev.crm.api.task.TaskCommands.CreateTask;
import dev.crm.api.task.TaskCommands.DeleteTask;
import dev.crm.api.task.TaskCommands.UpdateTask;
import dev.crm.api.task.TaskQueries.FindTask;
import dev.crm.api.task.TaskStatus;
import dev.crm.api.task.TaskView;
import dev.crm.command.directory.RecordDirectory;
import dev.crm.command.web.GroupCommit;
import dev.crm.command.web.IfMatch;
import dev.crm.command.web.JsonFields;
import dev.crm.command.web.ReadBack;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Set;

/** Writes to tasks. */
@RestController
@RequestMapping("/api/tasks")
class TaskCommandController {

    private static final Set<String> WRITABLE = Set.of("title", "dueAt", "status", "contactId", "assignedTo");
    private static final Set<String> READ_ONLY = Set.of("id", "createdAt", "updatedAt");

    private final CommandGateway commandGateway;
    private final GroupCommit writes;
    private final ReadBack readBack;
    private final RecordDirectory directory;

    TaskCommandController(CommandGateway commandGateway, GroupCommit writes, ReadBack readBack,
                          RecordDirectory directory) {
        this.commandGateway = commandGateway;
        this.writes = writes;
        this.readBack = readBack;
        this.directory = directory;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Versioned<TaskView>> create(@RequestBody(required = false) JsonNode body) {
        TaskFields in = new TaskFields(JsonFields.of(body, WRITABLE, READ_ONLY), directory);
        in.fields.require("title", in.title);
        in.fields.throwIfInvalid();
        String id = IdType.TASK.newId();
        CreateTask command = new CreateTask(id, in.title, in.dueAt, in.status, in.contactId, in.assignedTo);
        return readBack.created("/api/tasks/{id}/", id,
                writes.run(() -> commandGateway.sendAndWait(command), new FindTask(id)));
    }

    @PatchMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Versioned<TaskView> update(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                               @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.TASK.requireMatch(id);
        TaskFields in = new TaskFields(JsonFields.of(body, WRITABLE, READ_ONLY), directory);
        in.fields.rejectCleared("title", in.title);
        in.fields.throwIfInvalid();
        boolean clearDueAt = in.fields.has("dueAt") && body.get("dueAt").isNull();
        UpdateTask command = new UpdateTask(id, IfMatch.expectedVersion(ifMatch), in.title, in.dueAt,
                clearDueAt, in.status, in.contactId, in.assignedTo);
        return writes.run(() -> commandGateway.sendAndWait(command), new FindTask(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.TASK.requireMatch(id);
        DeleteTask command = new DeleteTask(id, IfMatch.expectedVersion(ifMatch), false);
        writes.run(() -> commandGateway.sendAndWait(command));
        return ResponseEntity.noContent().build();
    }

    /** The fields of a task request, read and shape-checked. */
    private static final class TaskFields {
        final JsonFields fields;
        final String title;
        final Instant dueAt;
        final TaskStatus status;
        final String contactId;
        final String assignedTo;

        TaskFields(JsonFields fields, RecordDirectory directory) {
            this.fields = fields;
            title = fields.text("title", 200);
            dueAt = fields.instant("dueAt");
            status = fields.enumValue("status", TaskStatus.class);
            contactId = fields.reference("contactId", IdType.CONTACT);
            assignedTo = fields.reference("assignedTo", IdType.USER);
            fields.requireExisting("contactId", contactId, directory::exists);
            fields.requireExisting("assignedTo", assignedTo, directory::exists);
        }
    }
}
