package dev.crm.command.task;

import dev.crm.api.common.InvalidRequestException;
import dev.crm.api.common.Patch;
import dev.crm.api.task.TaskCommands.CreateTask;
import dev.crm.api.task.TaskCommands.DeleteTask;
import dev.crm.api.task.TaskCommands.UpdateTask;
import dev.crm.api.task.TaskEvents.TaskAssigned;
import dev.crm.api.task.TaskEvents.TaskCompleted;
import dev.crm.api.task.TaskEvents.TaskContactChanged;
import dev.crm.api.task.TaskEvents.TaskCreated;
import dev.crm.api.task.TaskEvents.TaskDeleted;
import dev.crm.api.task.TaskEvents.TaskDetailsCorrected;
import dev.crm.api.task.TaskEvents.TaskReopened;
import dev.crm.api.task.TaskStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class TaskAggregateTest {

    private static final String ID = "tsk_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String CONTACT = "cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String USER = "usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final Instant DUE = Instant.parse("2025-03-01T09:00:00Z");
    private static final TaskCreated CREATED = new TaskCreated(ID, "Send proposal", DUE, TaskStatus.OPEN, CONTACT, USER);

    private AggregateTestFixture<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
    }

    @Test
    void aNewTaskIsOpen() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, "Send proposal", DUE, null, CONTACT, USER))
                .expectEvents(CREATED);
    }

    @Test
    void aTaskNeedsATitle() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, "", null, null, null, null))
                .expectException(InvalidRequestException.class);
    }

    @Test
    void anUpdateRecordsOneEventPerAspectThatChanged() {
        fixture.given(CREATED)
                .when(new UpdateTask(ID, null, "Send the proposal", Patch.cleared(), TaskStatus.DONE, Patch.cleared(),
                        Patch.cleared()))
                .expectEvents(new TaskDetailsCorrected(ID, "Send the proposal", null), new TaskCompleted(ID),
                        new TaskContactChanged(ID, null), new TaskAssigned(ID, null));
    }

    @Test
    void aDoneTaskCanBeReopened() {
        fixture.given(CREATED, new TaskCompleted(ID))
                .when(new UpdateTask(ID, 2L, null, Patch.absent(), TaskStatus.OPEN, Patch.absent(), Patch.absent()))
                .expectEvents(new TaskReopened(ID));
    }

    @Test
    void deletionSaysWhetherTheContactTookItAlong() {
        fixture.given(CREATED)
                .when(new DeleteTask(ID, null, false))
                .expectEvents(new TaskDeleted(ID, CONTACT, false))
                .expectMarkedDeleted();
    }
}
