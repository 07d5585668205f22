package dev.crm.query.task;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Page;
import dev.crm.api.common.WireEnums;
import dev.crm.api.task.TaskQueries.ListTasks;
import dev.crm.api.task.TaskStatus;
import dev.crm.api.task.TaskView;
import dev.crm.query.asof.RecordRows;
import dev.crm.query.sql.PagedSql;
import dev.crm.query.sql.RecordQueryHandler;
import dev.crm.query.sql.RecordsById;
import dev.crm.query.sql.SqlWhere;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.Map;

import static dev.crm.query.sql.Rows.instant;

/** Answers task queries from the {@code task} table. */
@Component
class TaskQueryHandler extends RecordQueryHandler<TaskView> {

    static final RecordRows ROWS = RecordRows.VERSIONED;
    private static final String SELECT = "SELECT t.* FROM read_model.task t";
    private static final RowMapper<TaskView> ROW = (rs, n) -> new TaskView(
            rs.getString("id"), rs.getString("title"), instant(rs, "due_at"),
            WireEnums.parse(TaskStatus.class, rs.getString("status")).orElseThrow(), rs.getString("contact_id"),
            rs.getString("assigned_to"), instant(rs, "created_at"), instant(rs, "updated_at"));
    private static final PagedSql<TaskView> SQL = new PagedSql<>(SELECT, "task",
            Map.of("createdAt", "t.created_at", "updatedAt", "t.updated_at", "dueAt", "t.due_at",
                    "title", "lower(t.title)"),
            ROW);

    TaskQueryHandler(RecordsById recordsById) {
        super(recordsById, IdType.TASK, SQL, TaskView::id);
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
