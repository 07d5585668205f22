package dev.crm.command.contact;

import dev.crm.api.common.InvalidRequestException;
import dev.crm.api.common.Patch;
import dev.crm.api.common.VersionMismatchException;
import dev.crm.api.contact.ContactCommands.CreateContact;
import dev.crm.api.contact.ContactCommands.MarkContactDeleted;
import dev.crm.api.contact.ContactCommands.UpdateContact;
import dev.crm.api.contact.ContactEvents.ContactAccountChanged;
import dev.crm.api.contact.ContactEvents.ContactAssigned;
import dev.crm.api.contact.ContactEvents.ContactCreated;
import dev.crm.api.contact.ContactEvents.ContactDeleted;
import dev.crm.api.contact.ContactEvents.ContactDetailsCorrected;
import dev.crm.api.contact.ContactEvents.ContactEmailStatusChanged;
import dev.crm.api.contact.ContactEvents.ContactStageChanged;
import dev.crm.api.contact.ContactEvents.ContactTagsChanged;
import dev.crm.api.contact.ContactStage;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.crm.command.Patches.text;
import static dev.crm.command.Patches.value;

class ContactAggregateTest {

    private static final String ID = "cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String USER = "usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String ACCOUNT = "acc_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final ContactCreated CREATED = new ContactCreated(ID, "Sarah", "Kim", "sarah@example.com",
            "+15559876543", "Engineering Manager", "Met at SaaStr", ContactStage.NEW, null, USER,
            List.of("saas"), false, false);

    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
    }

    private static UpdateContact update(Long version, String firstName, String lastName, String email,
                                        ContactStage stage, String accountId, String assignedTo, List<String> tags,
                                        Boolean optOut) {
        return new UpdateContact(ID, version, text(firstName), text(lastName), email, Patch.absent(),
                Patch.absent(), Patch.absent(), stage, text(accountId), text(assignedTo), value(tags), optOut, null);
    }

    @Test
    void createRecordsTheContactWithStageNewByDefault() {
        fixture.givenNoPriorActivity()
                .when(new CreateContact(ID, "Sarah", "", "s@example.com", "", null, null, null, null, null, null,
                        false, false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ContactCreated(ID, "Sarah", null, "s@example.com", null, null, null,
                        ContactStage.NEW, null, null, List.of(), false, false));
    }

    @Test
    void createNeedsANameAndAnEmail() {
        fixture.givenNoPriorActivity()
                .when(new CreateContact(ID, "", null, null, null, null, null, null, null, null, null, false, false))
                .expectException(InvalidRequestException.class)
                .expectNoEvents();
    }

    @Test
    void anUpdateRecordsOneEventPerAspectThatChanged() {
        fixture.given(CREATED)
                .when(update(null, "Sara", null, null, ContactStage.ENGAGED, ACCOUNT, "", List.of("saas", "vip"),
                        true))
                .expectEvents(
                        new ContactDetailsCorrected(ID, "Sara", "Kim", "sarah@example.com", "+15559876543",
                                "Engineering Manager", "Met at SaaStr"),
                        new ContactStageChanged(ID, ContactStage.NEW, ContactStage.ENGAGED),
                        new ContactAssigned(ID, null),
                        new ContactAccountChanged(ID, ACCOUNT),
                        new ContactTagsChanged(ID, List.of("saas", "vip")),
                        new ContactEmailStatusChanged(ID, true, false));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(CREATED)
                .when(update(null, "Sarah", "Kim", "sarah@example.com", ContactStage.NEW, null, USER,
                        List.of("saas"), false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUpdateMayNotLeaveTheContactWithoutAName() {
        fixture.given(new ContactCreated(ID, "Sarah", null, "s@example.com", null, null, null, ContactStage.NEW,
                        null, null, List.of(), false, false))
                .when(update(null, "", null, null, null, null, null, null, null))
                .expectException(InvalidRequestException.class)
                .expectNoEvents();
    }

    @Test
    void aStaleExpectedVersionIsRefused() {
        fixture.given(CREATED, new ContactStageChanged(ID, ContactStage.NEW, ContactStage.CONTACTED))
                .when(update(1L, null, null, null, ContactStage.ENGAGED, null, null, null, null))
                .expectException(VersionMismatchException.class)
                .expectNoEvents();
    }

    @Test
    void theCurrentExpectedVersionIsAccepted() {
        fixture.given(CREATED, new ContactStageChanged(ID, ContactStage.NEW, ContactStage.CONTACTED))
                .when(update(2L, null, null, null, ContactStage.ENGAGED, null, null, null, null))
                .expectEvents(new ContactStageChanged(ID, ContactStage.CONTACTED, ContactStage.ENGAGED));
    }

    @Test
    void deleteEndsTheContact() {
        fixture.given(CREATED)
                .when(new MarkContactDeleted(ID, null))
                .expectEvents(new ContactDeleted(ID))
                .expectMarkedDeleted();
    }

    @Test
    void aDeletedContactCannotBeChanged() {
        fixture.given(CREATED, new ContactDeleted(ID))
                .when(update(null, "Ghost", null, null, null, null, null, null, null))
                .expectException(AggregateDeletedException.class);
    }
}
