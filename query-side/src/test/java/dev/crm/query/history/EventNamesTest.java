package dev.crm.query.history;

import dev.crm.api.common.EventNames;
import dev.crm.api.contact.ContactEvents.ContactStageChanged;
import dev.crm.api.user.UserEvents.TokenIssued;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event log knows no event class: event and record names come from conventions. These events of record
 * types that are not in this module stand in for the leads, accounts and opportunities built alongside.
 * (What an event changed is folded in the database: see the history and audit-log API tests.)
 */
class EventNamesTest {

    record LeadStatusChanged(String leadId, String previousStatus, String status) {
    }

    record LeadConverted(String leadId, String contactId, Instant convertedAt) {
    }

    record AccountRenamed(String accountId, String name) {
    }

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
}
