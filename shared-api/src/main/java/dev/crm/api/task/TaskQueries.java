package dev.crm.api.task;

import dev.crm.api.common.FindRecord;
import dev.crm.api.common.PageQuery;

import java.time.Instant;
import java.util.List;

/** What can be asked of the task read model. */
public sealed interface TaskQueries {

    /** Answers an {@code Optional<Versioned<TaskView>>}. */
    record FindTask(String taskId) implements TaskQueries, FindRecord {

        @Override
        public String id() {
            return taskId;
        }

        @Override
        public FindTasks forAll(List<String> ids) {
            return new FindTasks(ids);
        }
    }

    /** Answers the {@code FoundRecords} of the tasks that exist, {@code Versioned<TaskView>} by id. */
    record FindTasks(List<String> taskIds) implements TaskQueries {
    }

    /** Answers a {@code Page<TaskView>}; {@code null} filters do not filter; {@code dueBefore} is strict. */
    record ListTasks(String contactId, String assignedTo, TaskStatus status, Instant dueBefore, PageQuery page)
            implements TaskQueries {
    }
}
