package dev.crm.command.note;

import dev.crm.api.common.InvalidRequestException;
import dev.crm.api.common.VersionMismatchException;
import dev.crm.api.note.NoteCommands.AddNote;
import dev.crm.api.note.NoteCommands.DeleteNote;
import dev.crm.api.note.NoteCommands.EditNote;
import dev.crm.api.note.NoteEvents.NoteAdded;
import dev.crm.api.note.NoteEvents.NoteDeleted;
import dev.crm.api.note.NoteEvents.NoteEdited;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NoteAggregateTest {

    private static final String ID = "note_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String CONTACT = "cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String AUTHOR = "usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final NoteAdded ADDED = new NoteAdded(ID, CONTACT, "Called, wants a demo", AUTHOR);

    private AggregateTestFixture<Note> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Note.class);
    }

    @Test
    void theAuthorIsTheActingUser() {
        fixture.givenNoPriorActivity()
                .when(new AddNote(ID, CONTACT, "Called, wants a demo"), MetaData.with(Note.ACTOR, AUTHOR))
                .expectEvents(ADDED);
    }

    @Test
    void aNoteNeedsABody() {
        fixture.givenNoPriorActivity()
                .when(new AddNote(ID, CONTACT, "  "), MetaData.with(Note.ACTOR, AUTHOR))
                .expectException(InvalidRequestException.class);
    }

    @Test
    void editingChangesTheBodyOnlyWhenItDiffers() {
        fixture.given(ADDED).when(new EditNote(ID, null, "Demo booked")).expectEvents(new NoteEdited(ID, "Demo booked"));
        fixture.given(ADDED).when(new EditNote(ID, null, "Called, wants a demo")).expectNoEvents();
        fixture.given(ADDED).when(new EditNote(ID, 2L, "x")).expectException(VersionMismatchException.class);
    }

    @Test
    void deletionSaysWhetherTheContactTookItAlong() {
        fixture.given(ADDED)
                .when(new DeleteNote(ID, null, true))
                .expectEvents(new NoteDeleted(ID, CONTACT, true))
                .expectMarkedDeleted();
    }
}
