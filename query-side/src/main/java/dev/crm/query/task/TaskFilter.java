package dev.crm.query.task;

import dev.crm.api.common.IdType;
import dev.crm.api.task.TaskQueries.ListTasks;
import dev.crm.api.task.TaskStatus;
import dev.crm.query.record.RecordFilter;
import dev.crm.query.web.OrderBy;
import dev.crm.query.web.WholeNumber;
import dev.crm.query.web.RecordId;

import java.time.Instant;

/** The query string of {@code GET /api/tasks/}; absent filters do not filter. */
record TaskFilter(@RecordId(IdType.CONTACT) String contactId, @RecordId(IdType.USER) String assignedTo,
                  TaskStatus status, Instant dueBefore, @WholeNumber Integer page, @WholeNumber Integer limit,
                  @OrderBy({"createdAt", "updatedAt", "dueAt", "title"}) String ordering,
                  Instant asOf) implements RecordFilter {

    @Override
    public ListTasks query() {
        return new ListTasks(contactId, assignedTo, status, dueBefore, pageQuery());
    }
}
