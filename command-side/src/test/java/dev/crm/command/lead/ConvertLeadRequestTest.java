package dev.crm.command.lead;

import dev.crm.command.web.RequestBodies;
import jakarta.validation.groups.Default;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** A conversion's account and opportunity fields go with their choice. */
class ConvertLeadRequestTest {

    private static final String ACCOUNT = "acc_01JD3Q8W6Y0T7K2M4N5P6R7S8V";

    private final RequestBodies bodies = new RequestBodies(Set.of(ACCOUNT));

    @Test
    void anEmptyBodyConvertsIntoAContactOnly() {
        assertThat(bodies.problems(ConvertLeadRequest.class, "{}", Default.class)).isEmpty();
    }

    @Test
    void eitherAnExistingAccountOrANewOneAndOpportunityFieldsOnlyWithAnOpportunity() {
        assertThat(bodies.problems(ConvertLeadRequest.class, """
                {"createAccount": true, "accountId": "%s", "opportunityName": "Deal", "opportunityValue": 1.005}"""
                .formatted(ACCOUNT), Default.class)).containsOnlyKeys("accountId", "opportunityName",
                "opportunityValue");
        assertThat(bodies.problems(ConvertLeadRequest.class, "{\"accountName\": null}", Default.class))
                .containsOnly(entry("accountName", "only with createAccount: true"));
    }

    @Test
    void aLeadStatusOfConvertedIsNotForARequestToSet() {
        assertThat(bodies.problems(LeadRequest.class, "{\"status\": \"converted\"}", Default.class))
                .containsOnly(entry("status", Lead.CONVERTED_ONLY_BY_CONVERSION));
    }
}
