package dev.crm.command.contact;

import dev.crm.api.common.Patch;
import dev.crm.api.contact.ContactCommands.UpdateContact;
import dev.crm.command.web.OnCreate;
import dev.crm.command.web.OnUpdate;
import dev.crm.command.web.RequestBodies;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** What the contact endpoints make of a body: given this JSON, these field errors, or this command. */
class ContactRequestTest {

    private static final String ACCOUNT = "acc_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String NO_USER = "usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V";

    private final RequestBodies bodies = new RequestBodies(Set.of(ACCOUNT));

    @Test
    void aCreateListsEveryProblemOncePerField() {
        Map<String, String> problems = bodies.problems(ContactRequest.class, """
                {"email": "not-an-email", "phone": "555-1234", "stage": "hot", "firstName": 5,
                 "tags": ["ok", ""], "assignedTo": "%s", "accountId": "nope", "emailOptOut": "yes",
                 "id": "cnt_x", "colour": "red", "title": "a\\u0000b"}""".formatted(NO_USER), OnCreate.class);

        assertThat(problems).containsOnly(
                entry("firstName", "typeMismatch.java.lang.String"),
                entry("stage", "typeMismatch.enum"),
                entry("emailOptOut", "typeMismatch.java.lang.Boolean"),
                entry("id", "readOnlyField"),
                entry("colour", "unknownField"),
                entry("title", "unstorableText"),
                entry("email", "must be a valid email address"),
                entry("phone", "must be an E.164 phone number such as +15551234567"),
                entry("tags", "each tag must be a string of 1 to 50 characters"),
                entry("assignedTo", "refers to no existing record: " + NO_USER),
                entry("accountId", "must be a account id (acc_...)"));
    }

    @Test
    void aCreateNeedsAnEmailAndAName() {
        assertThat(bodies.problems(ContactRequest.class, "{\"title\": \"CTO\"}", OnCreate.class))
                .containsOnly(entry("email", "is required"), entry("firstName", "firstName or lastName is required"));
    }

    @Test
    void aPatchTellsALeftOutFieldFromAClearedOneFromAValue() {
        ContactRequest body = bodies.read(ContactRequest.class,
                "{\"phone\": null, \"title\": \"  CTO \", \"accountId\": \"\", \"notes\": \"  as sent \"}");
        UpdateContact command = body.update("cnt_1", null);

        assertThat(command.firstName()).isEqualTo(Patch.absent());
        assertThat(command.phone()).isEqualTo(Patch.cleared());
        assertThat(command.accountId()).isEqualTo(Patch.cleared());
        assertThat(command.title()).isEqualTo(Patch.of("CTO"));
        assertThat(command.notes()).isEqualTo(Patch.of("  as sent "));
        assertThat(command.email()).isNull();
    }

    @Test
    void aPatchMayNotEmptyTheEmailNorSetNonsense() {
        assertThat(bodies.problems(ContactRequest.class, "{\"email\": \" \", \"stage\": null}", OnUpdate.class))
                .containsOnly(entry("email", "cannot be empty"), entry("stage", "typeMismatch.enum"));
    }

    @Test
    void tagsAreTrimmedAndKeptOnceInTheOrderGiven() {
        ContactRequest body = bodies.read(ContactRequest.class, "{\"tags\": [\" b \", \"a\", \"b\"]}");
        assertThat(body.update("cnt_1", null).tags()).isEqualTo(Patch.of(List.of("b", "a")));
        assertThat(bodies.read(ContactRequest.class, "{\"tags\": null}").update("cnt_1", null).tags())
                .isEqualTo(Patch.of(List.of()));
    }

    @Test
    void textThatCannotBeStoredIsRefusedWhereverItIs() {
        assertThat(bodies.problems(ContactRequest.class, "{\"tags\": [\"\\ud800\"]}", OnUpdate.class))
                .containsOnly(entry("tags", "unstorableText"));
    }
}
