package dev.crm.command.account;

import dev.crm.api.account.AccountCommands.CreateAccount;
import dev.crm.api.account.AccountCommands.DeleteAccount;
import dev.crm.api.account.AccountCommands.UpdateAccount;
import dev.crm.api.account.AccountEvents.AccountAssigned;
import dev.crm.api.account.AccountEvents.AccountCreated;
import dev.crm.api.account.AccountEvents.AccountDeleted;
import dev.crm.api.account.AccountEvents.AccountDetailsCorrected;
import dev.crm.api.account.AccountEvents.AccountTagsChanged;
import dev.crm.api.account.AccountQueries;
import dev.crm.api.common.ConflictException;
import dev.crm.api.common.InvalidRequestException;
import dev.crm.api.common.Patch;
import dev.crm.api.common.VersionMismatchException;
import dev.crm.command.directory.OtherRecords;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.crm.command.Patches.text;
import static dev.crm.command.Patches.value;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class AccountAggregateTest {

    private static final String ID = "acc_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String USER = "usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final AccountCreated CREATED = new AccountCreated(ID, "Acme", "acme.com", "Manufacturing",
            "+15551234567", USER, List.of("enterprise"), "Key account");

    private AggregateTestFixture<Account> fixture;
    /** What the fake read model says still belongs to the account; set per test. */
    private AccountQueries.AccountDependents dependents;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        dependents = new AccountQueries.AccountDependents(0, 0);
        OtherRecords records = mock(OtherRecords.class);
        when(records.dependentsOfAccount(ID)).thenAnswer(call -> dependents);
        fixture.registerInjectableResource(records);
    }

    private static UpdateAccount update(Long version, String name, String domain, String assignedTo,
                                        List<String> tags) {
        return new UpdateAccount(ID, version, name, text(domain), Patch.absent(), Patch.absent(), text(assignedTo),
                value(tags), Patch.absent());
    }

    @Test
    void createRecordsTheAccountWithEmptyValuesAsNone() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccount(ID, "Acme", "", null, "", null, null, ""))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountCreated(ID, "Acme", null, null, null, null, List.of(), null));
    }

    @Test
    void createNeedsAName() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccount(ID, " ", "acme.com", null, null, null, null, null))
                .expectException(InvalidRequestException.class)
                .expectNoEvents();
    }

    @Test
    void anUpdateRecordsOneEventPerAspectThatChanged() {
        fixture.given(CREATED)
                .when(update(null, "Acme Corp", "", "", List.of("enterprise", "emea")))
                .expectEvents(
                        new AccountDetailsCorrected(ID, "Acme Corp", null, "Manufacturing", "+15551234567",
                                "Key account"),
                        new AccountAssigned(ID, null),
                        new AccountTagsChanged(ID, List.of("enterprise", "emea")));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(CREATED)
                .when(update(null, "Acme", "acme.com", USER, List.of("enterprise")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUpdateMayNotClearTheName() {
        fixture.given(CREATED)
                .when(update(null, "", null, null, null))
                .expectException(InvalidRequestException.class)
                .expectNoEvents();
    }

    @Test
    void aStaleExpectedVersionIsRefused() {
        fixture.given(CREATED, new AccountAssigned(ID, null))
                .when(update(1L, "Renamed", null, null, null))
                .expectException(VersionMismatchException.class)
                .expectNoEvents();
    }

    @Test
    void theCurrentExpectedVersionIsAccepted() {
        fixture.given(CREATED, new AccountAssigned(ID, null))
                .when(update(2L, null, null, USER, null))
                .expectEvents(new AccountAssigned(ID, USER));
    }

    @Test
    void deleteEndsAnAccountThatNothingBelongsTo() {
        fixture.given(CREATED)
                .when(new DeleteAccount(ID, null))
                .expectEvents(new AccountDeleted(ID))
                .expectMarkedDeleted();
    }

    @Test
    void anAccountWithContactsCannotBeDeleted() {
        dependents = new AccountQueries.AccountDependents(2, 0);
        fixture.given(CREATED)
                .when(new DeleteAccount(ID, null))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void anAccountWithOpenOpportunitiesCannotBeDeleted() {
        dependents = new AccountQueries.AccountDependents(0, 1);
        fixture.given(CREATED)
                .when(new DeleteAccount(ID, null))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aStaleVersionRefusesTheDeletion() {
        fixture.given(CREATED, new AccountAssigned(ID, null))
                .when(new DeleteAccount(ID, 1L))
                .expectException(VersionMismatchException.class)
                .expectNoEvents();
    }

    @Test
    void aDeletedAccountCannotBeChanged() {
        fixture.given(CREATED, new AccountDeleted(ID))
                .when(update(null, "Ghost", null, null, null))
                .expectException(AggregateDeletedException.class);
    }
}
