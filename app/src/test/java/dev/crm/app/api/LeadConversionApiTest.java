package dev.crm.app.api;

import dev.crm.api.common.IdType;
import dev.crm.api.lead.LeadCommands.ConvertLead;
import dev.crm.app.support.Api;
import dev.crm.app.support.Api.Response;
import dev.crm.app.support.ApiTest;
import dev.crm.app.support.FailingProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.crm.app.api.ContactsApiTest.errorFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code POST /api/leads/{id}/convert/}: all of it happens, or none of it; and only once. */
class LeadConversionApiTest extends ApiTest {

    @Autowired
    private CommandGateway commandGateway;
    @Autowired
    private JdbcTemplate jdbc;

    private String lead(String company, String email) {
        return admin.post("/api/leads/", """
                {"firstName": "Dana", "lastName": "Lee", "email": "%s", "phone": "+15553334444", "company": %s,
                 "status": "qualified", "source": "referral", "leadScore": 5, "notes": "Referred by Marcus",
                 "emailOptOut": true}""".formatted(email, company == null ? "null" : "\"" + company + "\""))
                .expect(201).id();
    }

    @Test
    void anEmptyBodyConvertsTheLeadIntoAContactOnly() {
        String email = Api.unique("conv") + "@example.com";
        String leadId = lead("Startup IO", email);

        JsonNode answer = admin.post("/api/leads/" + leadId + "/convert/", "{}").expect(200).json();

        JsonNode contact = answer.get("contact");
        assertThat(contact.get("firstName").stringValue()).isEqualTo("Dana");
        assertThat(contact.get("lastName").stringValue()).isEqualTo("Lee");
        assertThat(contact.get("email").stringValue()).isEqualTo(email);
        assertThat(contact.get("phone").stringValue()).isEqualTo("+15553334444");
        assertThat(contact.get("notes").stringValue()).isEqualTo("Referred by Marcus");
        assertThat(contact.get("stage").stringValue()).isEqualTo("new");
        assertThat(contact.get("title").isNull()).isTrue();
        assertThat(contact.get("tags").size()).isZero();
        assertThat(contact.get("emailOptOut").booleanValue()).isTrue();
        assertThat(contact.get("accountId").isNull()).isTrue();
        assertThat(answer.get("account").isNull()).isTrue();
        assertThat(answer.get("opportunity").isNull()).isTrue();

        JsonNode lead = answer.get("lead");
        assertThat(lead.get("id").stringValue()).isEqualTo(leadId);
        assertThat(lead.get("status").stringValue()).isEqualTo("converted");
        assertThat(lead.get("convertedAt").stringValue()).endsWith("Z");
        assertThat(lead.get("convertedContactId").stringValue()).isEqualTo(contact.get("id").stringValue());
        assertThat(admin.get("/api/leads/" + leadId + "/").json()).isEqualTo(lead);
        assertThat(admin.get("/api/contacts/" + contact.get("id").stringValue() + "/").json()).isEqualTo(contact);

        admin.post("/api/leads/" + leadId + "/convert", null).expect(409);
    }

    @Test
    void conversionCreatesAnAccountAndAnOpportunityAsTheReferenceShows() {
        String leadId = lead("Startup IO", Api.unique("full") + "@example.com");

        JsonNode answer = admin.post("/api/leads/" + leadId + "/convert/", """
                {"createAccount": true, "accountName": "Startup IO", "createOpportunity": true,
                 "opportunityName": "Startup IO \u2014 Enterprise", "opportunityValue": 12000,
                 "opportunityStage": "qualification"}""").expect(200).json();

        String contactId = answer.at("/contact/id").stringValue();
        String accountId = answer.at("/account/id").stringValue();
        assertThat(answer.at("/lead/status").stringValue()).isEqualTo("converted");
        assertThat(answer.at("/account/name").stringValue()).isEqualTo("Startup IO");
        assertThat(answer.at("/account/contactCount").intValue()).isEqualTo(1);
        assertThat(answer.at("/contact/accountId").stringValue()).isEqualTo(accountId);
        assertThat(answer.at("/contact/accountName").stringValue()).isEqualTo("Startup IO");
        assertThat(answer.at("/opportunity/name").stringValue()).isEqualTo("Startup IO \u2014 Enterprise");
        assertThat(answer.at("/opportunity/value").toString()).isEqualTo("12000");
        assertThat(answer.at("/opportunity/stage").stringValue()).isEqualTo("qualification");
        assertThat(answer.at("/opportunity/accountId").stringValue()).isEqualTo(accountId);
        assertThat(answer.at("/opportunity/contactId").stringValue()).isEqualTo(contactId);
        assertThat(admin.get("/api/opportunities/" + answer.at("/opportunity/id").stringValue() + "/").expect(200)
                .json()).isEqualTo(answer.get("opportunity"));
    }

    @Test
    void defaultsNameTheAccountAfterTheCompanyAndTheOpportunityAfterTheAccount() {
        String leadId = lead("Acme Rockets", Api.unique("dflt") + "@example.com");
        JsonNode answer = admin.post("/api/leads/" + leadId + "/convert/",
                "{\"createAccount\": true, \"createOpportunity\": true}").expect(200).json();
        assertThat(answer.at("/account/name").stringValue()).isEqualTo("Acme Rockets");
        assertThat(answer.at("/opportunity/name").stringValue()).isEqualTo("Acme Rockets \u2014 Opportunity");
        assertThat(answer.at("/opportunity/value").intValue()).isZero();
        assertThat(answer.at("/opportunity/stage").stringValue()).isEqualTo("qualification");

        String existing = admin.post("/api/accounts/", "{\"name\": \"Existing Co\"}").expect(201).id();
        String second = lead(null, Api.unique("ex") + "@example.com");
        JsonNode linked = admin.post("/api/leads/" + second + "/convert/",
                "{\"accountId\": \"%s\", \"createOpportunity\": true}".formatted(existing)).expect(200).json();
        assertThat(linked.at("/account/id").stringValue()).isEqualTo(existing);
        assertThat(linked.at("/contact/accountId").stringValue()).isEqualTo(existing);
        assertThat(linked.at("/opportunity/name").stringValue()).isEqualTo("Existing Co \u2014 Opportunity");

        String noCompany = lead(null, Api.unique("nc") + "@example.com");
        assertThat(errorFields(admin.post("/api/leads/" + noCompany + "/convert/", "{\"createAccount\": true}")
                .expect(400))).containsExactly("accountName");
        assertThat(admin.get("/api/leads/" + noCompany + "/").json().get("status").stringValue()).isEqualTo("qualified");
    }

    @Test
    void aFailureAfterTheAccountWasCreatedRollsBackTheAccountToo() {
        String email = "acct" + Api.unique("w") + FailingProjection.FAILING_DOMAIN;
        String leadId = lead("Rollback Corp", email);
        String accountId = IdType.ACCOUNT.newId();
        String contactId = IdType.CONTACT.newId();

        assertThatThrownBy(() -> commandGateway.sendAndWait(new ConvertLead(leadId, contactId, true, accountId,
                null, null, false, null, null, null, null))).isNotNull();

        admin.get("/api/accounts/" + accountId + "/").expect(404);
        admin.get("/api/contacts/" + contactId + "/").expect(404);
        assertThat(admin.get("/api/leads/" + leadId + "/").json().get("status").stringValue()).isEqualTo("qualified");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, accountId)).isZero();
    }

    @Test
    void conversionRequestsAreValidated() {
        String leadId = lead("Startup IO", Api.unique("v") + "@example.com");
        Response answer = admin.post("/api/leads/" + leadId + "/convert/", """
                {"createAccount": true, "accountId": "acc_01JD3Q8W6Y0T7K2M4N5P6R7S8V", "opportunityValue": -1,
                 "opportunityStage": "won", "colour": "red"}""").expect(400);
        assertThat(errorFields(answer)).containsExactlyInAnyOrder("accountId", "opportunityValue",
                "opportunityStage", "colour");
        admin.post("/api/leads/" + leadId + "/convert/", "{\"accountId\": \"acc_01JD3Q8W6Y0T7K2M4N5P6R7S8V\"}")
                .expect(400);
        admin.post("/api/leads/ld_01JD3Q8W6Y0T7K2M4N5P6R7S8V/convert/", "{}").expect(404);
        assertThat(admin.get("/api/leads/" + leadId + "/").json().get("status").stringValue()).isEqualTo("qualified");
    }

    @Test
    void aFailureHalfWayLeavesNothingBehind() {
        // The lead is marked converted first; creating the contact then fails in a projection.
        String email = "half" + Api.unique("w") + FailingProjection.FAILING_DOMAIN;
        String leadId = lead("Startup IO", email);
        String contactId = IdType.CONTACT.newId();

        assertThatThrownBy(() -> commandGateway.sendAndWait(new ConvertLead(leadId, contactId, false, null, null,
                null, false, null, null, null, null))).isNotNull();

        JsonNode lead = admin.get("/api/leads/" + leadId + "/").expect(200).json();
        assertThat(lead.get("status").stringValue()).isEqualTo("qualified");
        assertThat(lead.get("convertedContactId").isNull()).isTrue();
        admin.get("/api/contacts/" + contactId + "/").expect(404);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM event_store.domain_event_entry
                 WHERE aggregate_identifier IN (?, ?) AND payload_type NOT LIKE '%LeadCreated'""",
                Integer.class, leadId, contactId)).isZero();
    }

    @Test
    void tenConversionsRacingOnOneLeadCreateExactlyOneContact() throws Exception {
        String email = Api.unique("race") + "@example.com";
        String leadId = lead("Race Inc", email);
        int racers = 10;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Callable<Integer> convert = () -> {
                start.await();
                return admin.post("/api/leads/" + leadId + "/convert/", "{}").status();
            };
            answers.add(pool.submit(convert));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(admin.get("/api/contacts/?search=" + email).json().get("count").intValue()).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM event_store.domain_event_entry
                 WHERE aggregate_identifier = ? AND payload_type LIKE '%LeadConverted'""", Integer.class, leadId))
                .isEqualTo(1);
    }
}
