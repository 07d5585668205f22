package dev.crm.query.task;

import dev.crm.api.common.IdType;
import dev.crm.api.task.TaskView;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.record.RecordQueryController;
import dev.crm.api.common.ReadModel;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads of tasks, filtered by {@code contactId}, {@code assignedTo}, {@code status} and {@code dueBefore}. */
@RestController
@RequestMapping("/api/tasks")
class TaskQueryController extends RecordQueryController<TaskView, TaskFilter> {

    TaskQueryController(ReadModel readModel, PointInTime pointInTime) {
        super(readModel, pointInTime, IdType.TASK);
    }
}
