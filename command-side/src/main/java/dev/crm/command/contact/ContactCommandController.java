package dev.crm.command.contact;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import dev.crm.api.contact.ContactCommands.CreateContact;
import dev.crm.api.contact.ContactCommands.DeleteContact;
import dev.crm.api.contact.ContactCommands.UpdateContact;
import dev.crm.api.contact.ContactQueries.FindContact;
import dev.crm.api.contact.ContactStage;
import dev.crm.api.contact.ContactView;
import dev.crm.command.directory.RecordDirectory;
import dev.crm.command.web.GroupCommit;
import dev.crm.command.web.IfMatch;
import dev.crm.command.web.JsonFields;
import dev.crm.command.web.ReadBack;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/** Writes to contacts: each request becomes one command, answered with the contact as it now reads. */
@RestController
@RequestMapping("/api/contacts")
class ContactCommandController {

    private static final Set<String> WRITABLE = Set.of("firstName", "lastName", "email", "phone", "title", "stage",
            "accountId", "assignedTo", "tags", "notes", "emailOptOut", "emailBounced");
    private static final Set<String> READ_ONLY = Set.of("id", "accountName", "assignedToName", "createdAt",
            "updatedAt");

    private final CommandGateway commandGateway;
    private final GroupCommit writes;
    private final ReadBack readBack;
    private final RecordDirectory directory;

    ContactCommandController(CommandGateway commandGateway, GroupCommit writes, ReadBack readBack,
                             RecordDirectory directory) {
        this.commandGateway = commandGateway;
        this.writes = writes;
        this.readBack = readBack;
        this.directory = directory;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Versioned<ContactView>> create(@RequestBody(required = false) JsonNode body) {
        ContactFields in = read(body);
        in.fields.require("email", in.email);
        in.fields.requireName(in.firstName, in.lastName);
        in.fields.throwIfInvalid();
        String id = IdType.CONTACT.newId();
        CreateContact command = new CreateContact(id, in.firstName, in.lastName, in.email, in.phone, in.title,
                in.notes, in.stage, in.accountId, in.assignedTo, in.tags, Boolean.TRUE.equals(in.emailOptOut),
                Boolean.TRUE.equals(in.emailBounced));
        return readBack.created("/api/contacts/{id}/", id,
                writes.run(() -> commandGateway.sendAndWait(command), new FindContact(id)));
    }

    @PatchMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Versioned<ContactView> update(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                  @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.CONTACT.requireMatch(id);
        ContactFields in = read(body);
        in.fields.rejectCleared("email", in.email);
        in.fields.throwIfInvalid();
        UpdateContact command = new UpdateContact(id, IfMatch.expectedVersion(ifMatch), in.firstName, in.lastName,
                in.email, in.phone, in.title, in.notes, in.stage, in.accountId, in.assignedTo, in.tags,
                in.emailOptOut, in.emailBounced);
        return writes.run(() -> commandGateway.sendAndWait(command), new FindContact(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.CONTACT.requireMatch(id);
        writes.run(() -> commandGateway.sendAndWait(new DeleteContact(id, IfMatch.expectedVersion(ifMatch))));
        return ResponseEntity.noContent().build();
    }

    private ContactFields read(JsonNode body) {
        return new ContactFields(JsonFields.of(body, WRITABLE, READ_ONLY), directory);
    }

    /**
     * The fields of a contact request, read and shape-checked; rules on the contact's state live in {@link
     * Contact}.
     */
    private static final class ContactFields {
        final JsonFields fields;
        final String firstName;
        final String lastName;
        final String email;
        final String phone;
        final String title;
        final String notes;
        final ContactStage stage;
        final String accountId;
        final String assignedTo;
        final List<String> tags;
        final Boolean emailOptOut;
        final Boolean emailBounced;

        ContactFields(JsonFields fields, RecordDirectory directory) {
            this.fields = fields;
            firstName = fields.text("firstName", 100);
            lastName = fields.text("lastName", 100);
            email = fields.email("email");
            phone = fields.phone("phone");
            title = fields.text("title", 200);
            notes = fields.longText("notes", 10_000);
            stage = fields.enumValue("stage", ContactStage.class);
            accountId = fields.reference("accountId", IdType.ACCOUNT);
            assignedTo = fields.reference("assignedTo", IdType.USER);
            tags = fields.tags("tags");
            emailOptOut = fields.bool("emailOptOut");
            emailBounced = fields.bool("emailBounced");
            fields.requireExisting("accountId", accountId, directory::exists);
            fields.requireExisting("assignedTo", assignedTo, directory::exists);
        }
    }
}
