package dev.crm.command.lead;

import dev.crm.api.common.ConflictException;
import dev.crm.api.common.InvalidRequestException;
import dev.crm.api.common.Patch;
import dev.crm.api.lead.LeadCommands.CreateLead;
import dev.crm.api.lead.LeadCommands.DeleteLead;
import dev.crm.api.lead.LeadCommands.LeadDetails;
import dev.crm.api.lead.LeadCommands.MarkLeadConverted;
import dev.crm.api.lead.LeadCommands.UpdateLead;
import dev.crm.api.lead.LeadEvents.LeadAssigned;
import dev.crm.api.lead.LeadEvents.LeadConverted;
import dev.crm.api.lead.LeadEvents.LeadCreated;
import dev.crm.api.lead.LeadEvents.LeadDeleted;
import dev.crm.api.lead.LeadEvents.LeadDetailsCorrected;
import dev.crm.api.lead.LeadEvents.LeadScored;
import dev.crm.api.lead.LeadEvents.LeadStatusChanged;
import dev.crm.api.lead.LeadStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeadAggregateTest {

    private static final String ID = "ld_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String USER = "usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String CONTACT = "cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String ACCOUNT = "acc_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final LeadCreated CREATED = new LeadCreated(ID, "Dana", "Lee", "dana@example.com", "+15553334444",
            "Startup IO", LeadStatus.NEW, "referral", USER, 5, false, false, "Referred by Marcus");

    private AggregateTestFixture<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Lead.class);
    }

    private static UpdateLead update(LeadStatus status, Patch<Integer> score, Patch<String> company,
                                     Patch<String> assignedTo) {
        return new UpdateLead(ID, null, Patch.absent(), Patch.absent(), null, Patch.absent(), company, status,
                Patch.absent(), assignedTo, score, null, null, Patch.absent());
    }

    @Test
    void createRecordsTheLeadWithStatusNewByDefault() {
        fixture.givenNoPriorActivity()
                .when(new CreateLead(ID, "Dana", "Lee", "dana@example.com", "", "", null, null, null, null, false,
                        false, null))
                .expectEvents(new LeadCreated(ID, "Dana", "Lee", "dana@example.com", null, null, LeadStatus.NEW, null,
                        null, null, false, false, null));
    }

    @Test
    void aLeadCannotBeCreatedConverted() {
        fixture.givenNoPriorActivity()
                .when(new CreateLead(ID, "Dana", null, "dana@example.com", null, null, LeadStatus.CONVERTED, null,
                        null, null, false, false, null))
                .expectException(InvalidRequestException.class)
                .expectNoEvents();
    }

    @Test
    void anUpdateRecordsOneEventPerAspectThatChanged() {
        fixture.given(CREATED)
                .when(update(LeadStatus.QUALIFIED, Patch.of(9), Patch.of("Startup IO Inc"), Patch.cleared()))
                .expectEvents(
                        new LeadDetailsCorrected(ID, "Dana", "Lee", "dana@example.com", "+15553334444",
                                "Startup IO Inc", "referral", "Referred by Marcus"),
                        new LeadStatusChanged(ID, LeadStatus.NEW, LeadStatus.QUALIFIED),
                        new LeadAssigned(ID, null),
                        new LeadScored(ID, 9));
    }

    @Test
    void theScoreCanBeCleared() {
        fixture.given(CREATED)
                .when(update(null, Patch.cleared(), Patch.absent(), Patch.absent()))
                .expectEvents(new LeadScored(ID, null));
    }

    @Test
    void anUpdateCannotSetStatusConverted() {
        fixture.given(CREATED)
                .when(update(LeadStatus.CONVERTED, Patch.absent(), Patch.absent(), Patch.absent()))
                .expectException(InvalidRequestException.class)
                .expectNoEvents();
    }

    @Test
    void conversionMarksTheLeadAndAnswersItsDetails() {
        fixture.given(CREATED, new LeadStatusChanged(ID, LeadStatus.NEW, LeadStatus.QUALIFIED))
                .when(new MarkLeadConverted(ID, CONTACT, ACCOUNT, null))
                .expectEvents(new LeadConverted(ID, LeadStatus.QUALIFIED, CONTACT, ACCOUNT, null))
                .expectResultMessagePayload(new LeadDetails("Dana", "Lee", "dana@example.com", "+15553334444",
                        "Startup IO", USER, false, false, "Referred by Marcus"));
    }

    @Test
    void aLeadIsConvertedOnlyOnce() {
        fixture.given(CREATED, new LeadConverted(ID, LeadStatus.NEW, CONTACT, null, null))
                .when(new MarkLeadConverted(ID, "cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8W", null, null))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aConvertedLeadIsReadOnly() {
        fixture.given(CREATED, new LeadConverted(ID, LeadStatus.NEW, CONTACT, null, null))
                .when(update(null, Patch.of(3), Patch.absent(), Patch.absent()))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void deleteEndsTheLead() {
        fixture.given(CREATED)
                .when(new DeleteLead(ID, null))
                .expectEvents(new LeadDeleted(ID))
                .expectMarkedDeleted();
    }
}
