package dev.crm.query.task;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import dev.crm.api.task.TaskQueries.FindTask;
import dev.crm.api.task.TaskView;
import dev.crm.query.asof.AsOf;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.web.PageResponse;
import dev.crm.query.web.ReadModels;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads of tasks, filtered by {@code contactId}, {@code assignedTo}, {@code status} and {@code dueBefore}. */
@RestController
@RequestMapping("/api/tasks")
class TaskQueryController {

    private final ReadModels readModels;
    private final PointInTime pointInTime;

    TaskQueryController(ReadModels readModels, PointInTime pointInTime) {
        this.readModels = readModels;
        this.pointInTime = pointInTime;
    }

    @GetMapping
    PageResponse<TaskView> list(@Valid TaskFilter filter) {
        var query = filter.query();
        return PageResponse.of(readModels.page(query), query.page());
    }

    @GetMapping("/{id}")
    Versioned<TaskView> get(@PathVariable String id, AsOf at) {
        IdType.TASK.requireMatch(id);
        return pointInTime.find(new FindTask(id), TaskQueryHandler.ROWS, "no task with id " + id, at.asOf());
    }
}
