package dev.crm.api.task;

import dev.crm.api.common.PageQuery;

import java.time.Instant;

/** What can be asked of the task read model. */
public sealed interface TaskQueries {

    /** Answers a {@code Page<TaskView>}; {@code null} filters do not filter; {@code dueBefore} is strict. */
    record ListTasks(String contactId, String assignedTo, TaskStatus status, Instant dueBefore, PageQuery page)
            implements TaskQueries {
    }
}
