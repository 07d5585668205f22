package dev.crm.command.task;

import dev.crm.api.common.IdType;
import dev.crm.api.task.TaskCommands.DeleteTask;
import dev.crm.api.task.TaskView;
import dev.crm.command.web.RecordCommandController;
import dev.crm.command.web.RecordWrites;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Writes to tasks: each request becomes one command, answered with the task as it now reads. */
@RestController
@RequestMapping("/api/tasks")
class TaskCommandController extends RecordCommandController<TaskRequest, TaskView> {

    TaskCommandController(RecordWrites writes) {
        super(writes, IdType.TASK, "/api/tasks/{id}/",
                (id, expectedVersion) -> new DeleteTask(id, expectedVersion, false));
    }
}
