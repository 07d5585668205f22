package dev.crm.app.web;

import dev.crm.api.common.Patch;
import dev.crm.api.common.ReadModel;
import dev.crm.api.contact.ContactCommands.CreateContact;
import dev.crm.api.contact.ContactCommands.UpdateContact;
import dev.crm.api.contact.ContactStage;
import dev.crm.api.lead.LeadCommands.UpdateLead;
import dev.crm.command.directory.OtherRecords;
import dev.crm.command.web.RecordWrites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * How Spring MVC binds and validates the contact and lead write bodies, and how one answer lists every invalid
 * field: only the web layer runs here (the controllers, the strict body reader, Bean Validation, the problem
 * advice). The writes behind the controllers and the lookup of referenced records are stand-ins, so a test can
 * see which command a valid body becomes and that an invalid one reaches no write at all. The same rules
 * against the whole running server are in the {@code api} tests.
 */
@WebLayerTest(@ComponentScan.Filter(type = FilterType.REGEX, pattern = {
        "dev\\.crm\\.command\\.(contact|lead)\\.(Contact|Lead)CommandController",
        "dev\\.crm\\.command\\.web\\.(RequestBodyConfiguration|FieldProblemsFirst|MissingBody)"}))
class WriteRequestValidationTest {

    private static final String USER = "usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String UNKNOWN_ACCOUNT = "acc_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String CONTACT = "cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String LEAD = "ld_01JD3Q8W6Y0T7K2M4N5P6R7S8V";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    RecordWrites writes;
    @MockitoBean
    OtherRecords otherRecords;
    /** The lead controller's, for the conversion's answer; no test here converts. */
    @MockitoBean
    ReadModel leads;

    @BeforeEach
    void onlyTheUserExists() {
        when(otherRecords.exists(anyString())).thenAnswer(call -> USER.equals(call.getArgument(0)));
        when(writes.create(any(), any(), anyString())).thenReturn(ResponseEntity.status(HttpStatus.CREATED).build());
    }

    @Test
    void aCreateWithManyProblemsIsOneAnswerNamingEachFieldOnceAndWritesNothing() {
        MvcTestResult answer = post("/api/contacts", """
                {"email": "not-an-email", "phone": "555-1234", "stage": "hot", "firstName": 5,
                 "accountId": "%s", "id": "cnt_x", "colour": "red"}""".formatted(UNKNOWN_ACCOUNT));

        assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer).bodyJson().extractingPath("$.detail").isEqualTo("The request has 7 invalid fields.");
        assertThat(answer).bodyJson().extractingPath("$.errors").asArray().containsExactlyInAnyOrder(
                error("firstName", "must be a string"),
                error("stage", "must be one of: new, contacted, engaged, proposal_sent, negotiation, customer, inactive"),
                error("id", "is read-only"),
                error("colour", "is not a known field"),
                error("email", "must be a valid email address"),
                error("phone", "must be an E.164 phone number such as +15551234567"),
                error("accountId", "refers to no existing record: " + UNKNOWN_ACCOUNT));
        verifyNoInteractions(writes);
    }

    @Test
    void aCreateNeedsAnEmailAndOneOfTheNames() {
        MvcTestResult answer = post("/api/contacts", "{\"title\": \"CTO\"}");

        assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(answer).bodyJson().extractingPath("$.errors").asArray().containsExactlyInAnyOrder(
                error("email", "is required"), error("firstName", "firstName or lastName is required"));
        verifyNoInteractions(writes);
    }

    @Test
    void aValidCreateBecomesOneCommandWithTheValuesTrimmed() {
        MvcTestResult answer = post("/api/contacts", """
                {"firstName": " Ada ", "email": "ada@example.com", "stage": "engaged",
                 "assignedTo": "%s", "tags": ["vip", "vip", " b2b "]}""".formatted(USER));

        assertThat(answer).hasStatus(HttpStatus.CREATED);
        ArgumentCaptor<Object> command = ArgumentCaptor.forClass(Object.class);
        verify(writes).create(command.capture(), any(), anyString());
        assertThat(command.getValue()).isInstanceOfSatisfying(CreateContact.class, create -> {
            assertThat(create.contactId()).startsWith("cnt_");
            assertThat(create.firstName()).isEqualTo("Ada");
            assertThat(create.lastName()).isNull();
            assertThat(create.stage()).isEqualTo(ContactStage.ENGAGED);
            assertThat(create.assignedTo()).isEqualTo(USER);
            assertThat(create.tags()).containsExactly("vip", "b2b");
        });
    }

    @Test
    void aPatchTellsALeftOutFieldFromANullFromAValue() {
        MvcTestResult answer = patch("/api/contacts/" + CONTACT,
                "{\"phone\": null, \"title\": \"CTO\", \"accountId\": \"\"}");

        assertThat(answer).hasStatusOk();
        ArgumentCaptor<Object> command = ArgumentCaptor.forClass(Object.class);
        verify(writes).update(command.capture(), any());
        assertThat(command.getValue()).isInstanceOfSatisfying(UpdateContact.class, update -> {
            assertThat(update.contactId()).isEqualTo(CONTACT);
            assertThat(update.firstName()).isEqualTo(Patch.absent());
            assertThat(update.phone()).isEqualTo(Patch.cleared());
            assertThat(update.accountId()).isEqualTo(Patch.cleared());
            assertThat(update.title()).isEqualTo(Patch.of("CTO"));
        });
    }

    @Test
    void aPatchMayNotClearWhatMustStaySet() {
        MvcTestResult answer = patch("/api/leads/" + LEAD,
                "{\"email\": null, \"leadScore\": 101, \"status\": \"converted\"}");

        assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(answer).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("email", "leadScore", "status");
        verify(writes, never()).update(any(), any());
    }

    @Test
    void aLeadScoreMayBeClearedWithNull() {
        assertThat(patch("/api/leads/" + LEAD, "{\"leadScore\": null}")).hasStatusOk();

        ArgumentCaptor<Object> command = ArgumentCaptor.forClass(Object.class);
        verify(writes).update(command.capture(), any());
        assertThat(command.getValue()).isInstanceOfSatisfying(UpdateLead.class,
                update -> assertThat(update.leadScore()).isEqualTo(Patch.cleared()));
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefusedAsAWhole() {
        MvcTestResult broken = post("/api/contacts", "{\"email\": ");
        assertThat(broken).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(broken).bodyJson().extractingPath("$.detail").isEqualTo("The request body is not valid JSON.");

        assertThat(post("/api/contacts", "[]")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors").asArray().containsExactly(error("body", "must be a JSON object"));
        assertThat(post("/api/contacts", "")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors").asArray().containsExactly(error("body", "a JSON object is required"));
        verifyNoInteractions(writes);
    }

    @Test
    void anIdOfAnotherShapeIsNoRecord() {
        assertThat(patch("/api/contacts/" + LEAD, "{\"title\": \"CTO\"}"))
                .hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        verifyNoInteractions(writes);
    }

    private MvcTestResult post(String path, String json) {
        return mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private MvcTestResult patch(String path, String json) {
        return mvc.patch().uri(path).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
