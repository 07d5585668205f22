package dev.crm.query.task;

import dev.crm.api.common.FoundRecords;
import dev.crm.api.common.Page;
import dev.crm.api.common.Versioned;
import dev.crm.api.common.WireEnums;
import dev.crm.api.task.TaskQueries.FindTask;
import dev.crm.api.task.TaskQueries.FindTasks;
import dev.crm.api.task.TaskQueries.ListTasks;
import dev.crm.api.task.TaskStatus;
import dev.crm.api.task.TaskView;
import dev.crm.query.asof.RecordRows;
import dev.crm.query.sql.PagedSql;
import dev.crm.query.sql.Rows;
import dev.crm.query.sql.SqlWhere;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.crm.query.sql.Rows.instant;

/** Answers task queries from the {@code task} table. */
@Component
class TaskQueryHandler {

    static final RecordRows ROWS = RecordRows.of(TaskProjection.GROUP, "task");
    private static final String SELECT = "SELECT t.* FROM read_model.task t";
    private static final String BY_IDS = Rows.byIds(SELECT, "task");
    private static final RowMapper<Versioned<TaskView>> ROW = (rs, n) -> new Versioned<>(new TaskView(
            rs.getString("id"), rs.getString("title"), instant(rs, "due_at"),
            WireEnums.parse(TaskStatus.class, rs.getString("status")).orElseThrow(), rs.getString("contact_id"),
            rs.getString("assigned_to"), instant(rs, "created_at"), instant(rs, "updated_at")),
            rs.getLong("version"));
    private static final PagedSql<TaskView> LIST = new PagedSql<>(SELECT, "task",
            Map.of("createdAt", "t.created_at", "updatedAt", "t.updated_at", "dueAt", "t.due_at",
                    "title", "lower(t.title)"),
            (rs, n) -> ROW.mapRow(rs, n).value());

    private final NamedParameterJdbcTemplate jdbc;

    TaskQueryHandler(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Versioned
    Optional<Versioned> find(FindTask query) {
        return Optional.ofNullable(findAll(new FindTasks(List.of(query.taskId()))).byId().get(query.taskId()));
    }

    @QueryHandler
    FoundRecords findAll(FindTasks query) {
        return Rows.byId(jdbc.query(BY_IDS, Rows.ids(query.taskIds()), ROW), TaskView::id);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Page
    Page list(ListTasks query) {
        SqlWhere where = new SqlWhere()
                .equal("t.contact_id", query.contactId())
                .equal("t.assigned_to", query.assignedTo())
                .equal("t.status", query.status())
                .before("t.due_at", query.dueBefore());
        return LIST.run(jdbc, where, query.page());
    }
}
