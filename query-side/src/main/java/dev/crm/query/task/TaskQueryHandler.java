package dev.crm.query.task;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Page;
import dev.crm.api.task.TaskQueries.ListTasks;
import dev.crm.api.task.TaskView;
import dev.crm.query.sql.PagedSql;
import dev.crm.query.sql.RecordQueryHandler;
import dev.crm.query.sql.RecordSelect;
import dev.crm.query.sql.RecordsById;
import dev.crm.query.sql.Rows;
import dev.crm.query.sql.SqlWhere;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Answers task queries from the {@code task} table. */
@Component
class TaskQueryHandler extends RecordQueryHandler<TaskView> {

    private static final PagedSql<TaskView> SQL = RecordSelect.from("task").pages(Rows.view(TaskView.class))
            .orderableBy(Map.of("dueAt", "t.due_at", "title", "lower(t.title)"));

    TaskQueryHandler(RecordsById recordsById) {
        super(recordsById, IdType.TASK, SQL);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page list(ListTasks query) {
        SqlWhere where = new SqlWhere()
                .equal("t.contact_id", query.contactId())
                .equal("t.assigned_to", query.assignedTo())
                .equal("t.status", query.status())
                .before("t.due_at", query.dueBefore());
        return page(where, query.page());
    }
}
