package dev.crm.query.task;

import dev.crm.api.common.IdType;
import dev.crm.api.common.PageQuery;
import dev.crm.api.common.Versioned;
import dev.crm.api.task.TaskQueries.FindTask;
import dev.crm.api.task.TaskQueries.ListTasks;
import dev.crm.api.task.TaskStatus;
import dev.crm.api.task.TaskView;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.web.ListParams;
import dev.crm.query.web.PageResponse;
import dev.crm.query.web.ReadModels;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/** Reads of tasks, filtered by {@code contactId}, {@code assignedTo}, {@code status} and {@code dueBefore}. */
@RestController
@RequestMapping("/api/tasks")
class TaskQueryController {

    private static final Set<String> ORDERABLE = Set.of("createdAt", "updatedAt", "dueAt", "title");

    private final ReadModels readModels;
    private final PointInTime pointInTime;

    TaskQueryController(ReadModels readModels, PointInTime pointInTime) {
        this.readModels = readModels;
        this.pointInTime = pointInTime;
    }

    @GetMapping
    PageResponse<TaskView> list(HttpServletRequest request) {
        ListParams params = ListParams.of(request);
        PageQuery page = params.page(ORDERABLE);
        ListTasks query = new ListTasks(params.id("contactId", IdType.CONTACT), params.id("assignedTo", IdType.USER),
                params.enumValue("status", TaskStatus.class), params.instant("dueBefore"), page);
        params.throwIfInvalid();
        return PageResponse.of(readModels.page(query), page, request);
    }

    @GetMapping("/{id}")
    Versioned<TaskView> get(@PathVariable String id, HttpServletRequest request) {
        IdType.TASK.requireMatch(id);
        return pointInTime.find(request, new FindTask(id), id, "no task with id " + id,
                TaskProjection.GROUP, "DELETE FROM read_model.task WHERE id = ?");
    }
}
