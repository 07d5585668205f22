package dev.crm.app.api;

import dev.crm.app.support.Api;
import dev.crm.app.support.Api.Response;
import dev.crm.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static dev.crm.app.api.ContactsApiTest.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

/** Notes on a contact's timeline and tasks, over real HTTP. */
class NotesAndTasksApiTest extends ApiTest {

    private String contact() {
        return admin.post("/api/contacts/", "{\"firstName\": \"Noted\", \"email\": \"%s@example.com\"}"
                .formatted(Api.unique("n"))).expect(201).id();
    }

    @Test
    void notesAreWrittenByTheCallerAndListedNewestFirst() {
        Api member = newUser("member");
        String contactId = contact();

        Response first = member.post("/api/contacts/" + contactId + "/notes/", "{\"body\": \"Called, wants a demo\"}")
                .expect(201);
        JsonNode note = first.json();
        assertThat(new ArrayList<>(note.propertyNames())).containsExactly("id", "contactId", "body", "authorId",
                "createdAt", "updatedAt");
        assertThat(note.get("authorId").stringValue()).isEqualTo(member.userId());
        assertThat(note.get("contactId").stringValue()).isEqualTo(contactId);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        String second = admin.post("/api/contacts/" + contactId + "/notes", "{\"body\": \"Demo booked\"}")
                .expect(201).id();

        JsonNode list = member.get("/api/contacts/" + contactId + "/notes/").expect(200).json();
        assertThat(list.get("count").intValue()).isEqualTo(2);
        assertThat(list.get("results").findValuesAsString("id")).containsExactly(second, first.id());

        JsonNode edited = member.patch("/api/notes/" + first.id() + "/", "{\"body\": \"Called twice\"}")
                .expect(200).json();
        assertThat(edited.get("body").stringValue()).isEqualTo("Called twice");
        assertThat(edited.get("authorId").stringValue()).isEqualTo(member.userId());
        member.delete("/api/notes/" + second + "/").expect(204);
        member.get("/api/notes/" + second + "/").expect(404);
        assertThat(member.get("/api/contacts/" + contactId + "/notes/").json().get("count").intValue()).isEqualTo(1);
    }

    @Test
    void notesAreValidated() {
        String contactId = contact();
        assertThat(errorFields(admin.post("/api/contacts/" + contactId + "/notes/",
                "{\"body\": \"\", \"authorId\": \"usr_x\"}").expect(400))).containsExactlyInAnyOrder("body", "authorId");
        admin.post("/api/contacts/" + contactId + "/notes/", "{\"body\": \"" + "x".repeat(10_001) + "\"}").expect(400);
        admin.post("/api/contacts/cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V/notes/", "{\"body\": \"x\"}").expect(404);
        admin.get("/api/contacts/cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V/notes/").expect(404);
        admin.patch("/api/notes/note_01JD3Q8W6Y0T7K2M4N5P6R7S8V/", "{\"body\": \"x\"}").expect(404);
        admin.delete("/api/notes/nope/").expect(404);
    }

    @Test
    void tasksHaveFullCrudAndFilters() {
        Api owner = newUser("member");
        String contactId = contact();
        Response created = admin.post("/api/tasks/", """
                {"title": "Send proposal", "dueAt": "2030-03-01T09:00:00Z", "contactId": "%s", "assignedTo": "%s"}"""
                .formatted(contactId, owner.userId())).expect(201);
        JsonNode task = created.json();
        assertThat(new ArrayList<>(task.propertyNames())).containsExactly("id", "title", "dueAt", "status",
                "contactId", "assignedTo", "createdAt", "updatedAt");
        assertThat(task.get("status").stringValue()).isEqualTo("open");
        assertThat(task.get("dueAt").stringValue()).isEqualTo("2030-03-01T09:00:00Z");
        String later = admin.post("/api/tasks/", """
                {"title": "Follow up", "dueAt": "2031-01-01T00:00:00Z", "contactId": "%s"}""".formatted(contactId))
                .expect(201).id();

        assertThat(ids("contactId=" + contactId)).containsExactly(later, created.id());
        assertThat(ids("assignedTo=" + owner.userId())).containsExactly(created.id());
        assertThat(ids("contactId=" + contactId + "&dueBefore=2030-06-01")).containsExactly(created.id());
        assertThat(ids("contactId=" + contactId + "&ordering=dueAt")).containsExactly(created.id(), later);

        JsonNode done = admin.patch("/api/tasks/" + created.id() + "/", "{\"status\": \"done\", \"dueAt\": null}")
                .expect(200).json();
        assertThat(done.get("status").stringValue()).isEqualTo("done");
        assertThat(done.get("dueAt").isNull()).isTrue();
        assertThat(ids("contactId=" + contactId + "&status=open")).containsExactly(later);

        admin.delete("/api/tasks/" + later + "/").expect(204);
        admin.get("/api/tasks/" + later + "/").expect(404);
    }

    @Test
    void tasksAreValidated() {
        Response answer = admin.post("/api/tasks/", """
                {"dueAt": "tomorrow", "status": "started", "contactId": "cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V",
                 "assignedTo": "bob", "id": "tsk_x"}""").expect(400);
        assertThat(errorFields(answer)).containsExactlyInAnyOrder("title", "dueAt", "status", "contactId",
                "assignedTo", "id");
        assertThat(errorFields(admin.get("/api/tasks/?status=started&dueBefore=soon&contactId=x").expect(400)))
                .containsExactlyInAnyOrder("status", "dueBefore", "contactId");
        // Years the database's timestamps cannot hold; a time kept to the millisecond, as it is shown.
        for (String dueAt : new String[] {"+10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "-0001-01-01T00:00:00Z"}) {
            assertThat(errorFields(admin.post("/api/tasks/", "{\"title\": \"T\", \"dueAt\": \"" + dueAt + "\"}")
                    .expect(400))).containsExactly("dueAt");
        }
        assertThat(admin.post("/api/tasks/", "{\"title\": \"T\", \"dueAt\": \"2027-01-01T09:00:00.9999996Z\"}")
                .expect(201).json().get("dueAt").stringValue()).isEqualTo("2027-01-01T09:00:00.999Z");
    }

    private List<String> ids(String query) {
        return admin.get("/api/tasks/?limit=100&" + query).expect(200).json().get("results").findValuesAsString("id");
    }
}
