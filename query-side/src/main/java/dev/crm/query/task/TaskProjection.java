package dev.crm.query.task;

import dev.crm.api.task.TaskEvents.TaskAssigned;
import dev.crm.api.task.TaskEvents.TaskCompleted;
import dev.crm.api.task.TaskEvents.TaskContactChanged;
import dev.crm.api.task.TaskEvents.TaskCreated;
import dev.crm.api.task.TaskEvents.TaskDeleted;
import dev.crm.api.task.TaskEvents.TaskDetailsCorrected;
import dev.crm.api.task.TaskEvents.TaskReopened;
import dev.crm.api.task.TaskStatus;
import dev.crm.query.admin.ReadModelTables;
import dev.crm.query.admin.FoldValue;
import dev.crm.query.admin.RecordFold;
import dev.crm.query.admin.SetBasedReplay;
import dev.crm.query.sql.DeferredWrites;
import dev.crm.query.sql.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static dev.crm.query.sql.Rows.timestamp;
import static dev.crm.query.sql.Rows.version;

/** Keeps the {@code task} table in step with the task events. */
@Component
@ReadModelTables(value = "task", recordsIndependent = true)
@ProcessingGroup(TaskProjection.GROUP)
class TaskProjection implements SetBasedReplay {

    static final String GROUP = "tasks";

    private final DeferredWrites writes;

    TaskProjection(DeferredWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(TaskCreated e, @Timestamp Instant at, @SequenceNumber long sequence) {
        writes.update("task", """
                INSERT INTO task (id, title, due_at, status, contact_id, assigned_to, created_at,
                    updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.taskId(), e.title(), timestamp(e.dueAt()), e.status().toString(), e.contactId(), e.assignedTo(),
                timestamp(at), timestamp(at), version(sequence));
    }

    @EventHandler
    void on(TaskDetailsCorrected e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.taskId(), at, sequence, "title = ?, due_at = ?", e.title(), timestamp(e.dueAt()));
    }

    @EventHandler
    void on(TaskCompleted e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.taskId(), at, sequence, "status = ?", TaskStatus.DONE.toString());
    }

    @EventHandler
    void on(TaskReopened e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.taskId(), at, sequence, "status = ?", TaskStatus.OPEN.toString());
    }

    @EventHandler
    void on(TaskContactChanged e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.taskId(), at, sequence, "contact_id = ?", e.contactId());
    }

    @EventHandler
    void on(TaskAssigned e, @Timestamp Instant at, @SequenceNumber long sequence) {
        update(e.taskId(), at, sequence, "assigned_to = ?", e.assignedTo());
    }

    @EventHandler
    void on(TaskDeleted e) {
        writes.update("task", "DELETE FROM task WHERE id = ?", e.taskId());
    }

    /** The handlers above, as a rebuild computes them set-based. */
    @Override
    public List<RecordFold> folds() {
        return List.of(RecordFold.of("task", TaskCreated.class)
                .changedBy(TaskDetailsCorrected.class, TaskCompleted.class, TaskReopened.class,
                        TaskContactChanged.class, TaskAssigned.class)
                .with(TaskCompleted.class, "status", FoldValue.text(TaskStatus.DONE.toString()))
                .with(TaskReopened.class, "status", FoldValue.text(TaskStatus.OPEN.toString()))
                .deletedBy(TaskDeleted.class));
    }

    private void update(String taskId, Instant at, long sequence, String assignments, Object... values) {
        Rows.updateRecord(writes, "task", taskId, at, sequence, assignments, values);
    }
}
