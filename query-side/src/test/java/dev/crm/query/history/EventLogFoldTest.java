package dev.crm.query.history;

import dev.crm.api.common.EventNames;
import dev.crm.api.contact.ContactEvents.ContactStageChanged;
import dev.crm.api.contact.ContactStage;
import dev.crm.api.user.UserEvents.TokenIssued;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event log knows no event class: names and changes come from conventions. These events of record
 * types that are not in this module stand in for the leads, accounts and opportunities built alongside.
 */
class EventLogFoldTest {

    record LeadCreated(String leadId, String firstName, String email, String status) {
    }

    record LeadStatusChanged(String leadId, String previousStatus, String status) {
    }

    record LeadConverted(String leadId, String contactId, Instant convertedAt) {
    }

    record AccountRenamed(String accountId, String name) {
    }

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void eventTypesAreTheEntityTypeAndTheClassNameWithoutTheEntityInSnakeCase() {
        assertThat(EventNames.eventType("contact", ContactStageChanged.class.getName())).isEqualTo("contact.stage_changed");
        assertThat(EventNames.eventType("user", TokenIssued.class.getName())).isEqualTo("user.token_issued");
        assertThat(EventNames.eventType("lead", LeadConverted.class.getName())).isEqualTo("lead.converted");
        assertThat(EventNames.eventType("lead", LeadStatusChanged.class.getName())).isEqualTo("lead.status_changed");
        assertThat(EventNames.eventType("account", AccountRenamed.class.getName())).isEqualTo("account.renamed");
    }

    @Test
    void recordTypesComeFromTheIdPrefix() {
        assertThat(EventNames.recordType("ld_01JD3Q8W6Y0T7K2M4N5P6R7S8V")).hasValueSatisfying(
                type -> assertThat(type.entityType()).isEqualTo("lead"));
        assertThat(EventNames.recordType("opp_01JD3Q8W6Y0T7K2M4N5P6R7S8V")).hasValueSatisfying(
                type -> assertThat(type.entityType()).isEqualTo("opportunity"));
        assertThat(EventNames.recordType("nope")).isEmpty();
    }

    @Test
    void eventIdsAreStableUlidsOfTheEventIdentifier() {
        String identifier = UUID.randomUUID().toString();
        assertThat(EventNames.eventId(identifier)).matches("evt_[0-9A-HJKMNP-TV-Z]{26}")
                .isEqualTo(EventNames.eventId(identifier))
                .isNotEqualTo(EventNames.eventId(UUID.randomUUID().toString()));
        assertThat(EventNames.eventId("not-a-uuid")).matches("evt_[0-9A-HJKMNP-TV-Z]{26}");
    }

    @Test
    void changesAreTheFieldsThatDifferFromTheFoldedState() {
        ObjectNode state = json.createObjectNode();
        String id = "ld_01JD3Q8W6Y0T7K2M4N5P6R7S8V";

        ObjectNode created = EventLogProjection.fold(state,
                json.valueToTree(new LeadCreated(id, "Dana", null, "new")), "lead");
        assertThat(created.toString())
                .isEqualTo("{\"firstName\":{\"from\":null,\"to\":\"Dana\"},\"status\":{\"from\":null,\"to\":\"new\"}}");

        ObjectNode changed = EventLogProjection.fold(state,
                json.valueToTree(new LeadStatusChanged(id, "new", "qualified")), "lead");
        assertThat(changed.toString()).isEqualTo("{\"status\":{\"from\":\"new\",\"to\":\"qualified\"}}");

        ObjectNode same = EventLogProjection.fold(state,
                json.valueToTree(new LeadStatusChanged(id, "qualified", "qualified")), "lead");
        assertThat(same.size()).isZero();

        ObjectNode converted = EventLogProjection.fold(state, json.valueToTree(
                new LeadConverted(id, "cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V", Instant.parse("2025-03-20T10:00:00Z"))),
                "lead");
        assertThat(converted.propertyNames()).containsExactly("contactId", "convertedAt");
        assertThat(state.propertyNames()).doesNotContain("leadId", "previousStatus");
    }

    @Test
    void anAccountsOwnIdIsSkippedButAContactsAccountIdIsAChangeAndHashesNeverShow() {
        ObjectNode account = EventLogProjection.fold(json.createObjectNode(),
                json.valueToTree(new AccountRenamed("acc_01JD3Q8W6Y0T7K2M4N5P6R7S8V", "Acme")), "account");
        assertThat(account.propertyNames()).containsExactly("name");

        ObjectNode token = EventLogProjection.fold(json.createObjectNode(),
                json.valueToTree(new TokenIssued("usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V", "tok_1", "abc")), "user");
        assertThat(token.propertyNames()).containsExactly("tokenId");

        ObjectNode stage = EventLogProjection.fold(json.createObjectNode(), json.valueToTree(
                new ContactStageChanged("cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V", ContactStage.NEW, ContactStage.ENGAGED)),
                "contact");
        assertThat(stage.toString()).isEqualTo("{\"stage\":{\"from\":null,\"to\":\"engaged\"}}");
    }
}
