package dev.crm.query.task;

import dev.crm.api.task.TaskEvents.TaskAssigned;
import dev.crm.api.task.TaskEvents.TaskCompleted;
import dev.crm.api.task.TaskEvents.TaskContactChanged;
import dev.crm.api.task.TaskEvents.TaskCreated;
import dev.crm.api.task.TaskEvents.TaskDeleted;
import dev.crm.api.task.TaskEvents.TaskDetailsCorrected;
import dev.crm.api.task.TaskEvents.TaskReopened;
import dev.crm.api.task.TaskStatus;
import dev.crm.query.admin.FoldValue;
import dev.crm.query.admin.RecordFold;
import dev.crm.query.admin.RecordProjection;
import dev.crm.query.admin.RecordWriter;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/** Keeps the {@code task} table in step with the task events. */
@Component
@ProcessingGroup("tasks")
class TaskProjection extends RecordProjection {

    TaskProjection(RecordWriter writer) {
        super(writer, RecordFold.of("task", TaskCreated.class)
                .changedBy(TaskDetailsCorrected.class, TaskCompleted.class, TaskReopened.class,
                        TaskContactChanged.class, TaskAssigned.class)
                .with(TaskCompleted.class, "status", FoldValue.text(TaskStatus.DONE.toString()))
                .with(TaskReopened.class, "status", FoldValue.text(TaskStatus.OPEN.toString()))
                .deletedBy(TaskDeleted.class));
    }
}
