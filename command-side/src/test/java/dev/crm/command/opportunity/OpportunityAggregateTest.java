package dev.crm.command.opportunity;

import dev.crm.api.common.InvalidRequestException;
import dev.crm.api.common.Patch;
import dev.crm.api.common.VersionMismatchException;
import dev.crm.api.opportunity.OpportunityCommands.CreateOpportunity;
import dev.crm.api.opportunity.OpportunityCommands.DeleteOpportunity;
import dev.crm.api.opportunity.OpportunityCommands.UnlinkOpportunityContact;
import dev.crm.api.opportunity.OpportunityCommands.UpdateOpportunity;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityAccountChanged;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityAssigned;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityContactChanged;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityCreated;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityDeleted;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityDetailsCorrected;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityStageChanged;
import dev.crm.api.opportunity.OpportunityStage;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static dev.crm.command.Patches.text;
import static dev.crm.command.Patches.value;

class OpportunityAggregateTest {

    private static final String ID = "opp_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String USER = "usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String ACCOUNT = "acc_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String CONTACT = "cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final LocalDate JUNE = LocalDate.of(2025, 6, 30);
    private static final OpportunityCreated CREATED = new OpportunityCreated(ID, "Acme renewal",
            new BigDecimal("12000"), "USD", OpportunityStage.QUALIFICATION, ACCOUNT, null, USER, JUNE);

    private AggregateTestFixture<Opportunity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Opportunity.class);
    }

    private static UpdateOpportunity update(Long version, String name, BigDecimal value, OpportunityStage stage,
                                            String accountId, String contactId, String assignedTo,
                                            LocalDate closeDate, boolean clearCloseDate) {
        return new UpdateOpportunity(ID, version, name, value, null, stage, text(accountId), text(contactId),
                text(assignedTo), clearCloseDate ? Patch.cleared() : value(closeDate));
    }

    @Test
    void createDefaultsToNothingInUsdAtQualification() {
        fixture.givenNoPriorActivity()
                .when(new CreateOpportunity(ID, "Deal", null, null, null, "", null, "", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OpportunityCreated(ID, "Deal", BigDecimal.ZERO, "USD",
                        OpportunityStage.QUALIFICATION, null, null, null, null));
    }

    @Test
    void createKeepsOneSpellingOfTheValue() {
        fixture.givenNoPriorActivity()
                .when(new CreateOpportunity(ID, "Deal", new BigDecimal("1.2E+4"), "EUR", OpportunityStage.PROPOSAL,
                        null, null, null, null))
                .expectEvents(new OpportunityCreated(ID, "Deal", new BigDecimal("12000"), "EUR",
                        OpportunityStage.PROPOSAL, null, null, null, null));
    }

    @Test
    void createNeedsANameANonNegativeValueAndAKnownCurrency() {
        fixture.givenNoPriorActivity()
                .when(new CreateOpportunity(ID, "", new BigDecimal("-1"), "usd", null, null, null, null, null))
                .expectException(InvalidRequestException.class)
                .expectExceptionMessage("name: is required")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateOpportunity(ID, "Deal", null, "XYZ", null, null, null, null, null))
                .expectException(InvalidRequestException.class)
                .expectNoEvents();
    }

    @Test
    void anUpdateRecordsOneEventPerAspectThatChanged() {
        fixture.given(CREATED)
                .when(update(null, "Acme renewal 2025", null, OpportunityStage.PROPOSAL, "", CONTACT, "", null,
                        true))
                .expectEvents(
                        new OpportunityDetailsCorrected(ID, "Acme renewal 2025", new BigDecimal("12000"), "USD",
                                null),
                        new OpportunityStageChanged(ID, OpportunityStage.QUALIFICATION, OpportunityStage.PROPOSAL),
                        new OpportunityAssigned(ID, null),
                        new OpportunityAccountChanged(ID, null),
                        new OpportunityContactChanged(ID, CONTACT));
    }

    @Test
    void unlinkingTheContactRecordsItOnlyWhenThereIsOne() {
        fixture.given(CREATED, new OpportunityContactChanged(ID, CONTACT))
                .when(new UnlinkOpportunityContact(ID))
                .expectEvents(new OpportunityContactChanged(ID, null));
        fixture.given(CREATED)
                .when(new UnlinkOpportunityContact(ID))
                .expectNoEvents();
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(CREATED)
                .when(update(null, "Acme renewal", new BigDecimal("12000.00"), OpportunityStage.QUALIFICATION,
                        ACCOUNT, null, USER, JUNE, false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUpdateMayNotMakeTheValueNegative() {
        fixture.given(CREATED)
                .when(update(null, null, new BigDecimal("-5"), null, null, null, null, null, false))
                .expectException(InvalidRequestException.class)
                .expectNoEvents();
    }

    @Test
    void aStaleExpectedVersionIsRefused() {
        fixture.given(CREATED, new OpportunityStageChanged(ID, OpportunityStage.QUALIFICATION,
                        OpportunityStage.PROPOSAL))
                .when(update(1L, null, null, OpportunityStage.NEGOTIATION, null, null, null, null, false))
                .expectException(VersionMismatchException.class)
                .expectNoEvents();
    }

    @Test
    void theCurrentExpectedVersionIsAccepted() {
        fixture.given(CREATED, new OpportunityStageChanged(ID, OpportunityStage.QUALIFICATION,
                        OpportunityStage.PROPOSAL))
                .when(update(2L, null, null, OpportunityStage.CLOSED_WON, null, null, null, null, false))
                .expectEvents(new OpportunityStageChanged(ID, OpportunityStage.PROPOSAL,
                        OpportunityStage.CLOSED_WON));
    }

    @Test
    void deleteEndsTheOpportunity() {
        fixture.given(CREATED)
                .when(new DeleteOpportunity(ID, null))
                .expectEvents(new OpportunityDeleted(ID))
                .expectMarkedDeleted();
    }

    @Test
    void aDeletedOpportunityCannotBeChanged() {
        fixture.given(CREATED, new OpportunityDeleted(ID))
                .when(update(null, "Ghost", null, null, null, null, null, null, false))
                .expectException(AggregateDeletedException.class);
    }
}
