package dev.crm.command.note;

import dev.crm.api.common.IdType;
import dev.crm.api.common.NotFoundException;
import dev.crm.api.common.Versioned;
import dev.crm.api.note.NoteCommands.AddNote;
import dev.crm.api.note.NoteCommands.DeleteNote;
import dev.crm.api.note.NoteCommands.EditNote;
import dev.crm.api.note.NoteQueries.FindNote;
import dev.crm.api.note.NoteView;
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
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.Set;

/** Writing notes: added under a contact, edited and deleted on their own. */
@RestController
class NoteCommandController {

    private static final Set<String> WRITABLE = Set.of("body");
    private static final Set<String> READ_ONLY = Set.of("id", "contactId", "authorId", "createdAt", "updatedAt");
    private static final int MAX_BODY = 10_000;

    private final CommandGateway commandGateway;
    private final GroupCommit writes;
    private final ReadBack readBack;
    private final RecordDirectory directory;

    NoteCommandController(CommandGateway commandGateway, GroupCommit writes, ReadBack readBack,
                          RecordDirectory directory) {
        this.commandGateway = commandGateway;
        this.writes = writes;
        this.readBack = readBack;
        this.directory = directory;
    }

    @PostMapping(path = "/api/contacts/{contactId}/notes", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Versioned<NoteView>> add(@PathVariable String contactId,
                                            @RequestBody(required = false) JsonNode body) {
        if (!IdType.CONTACT.matches(contactId) || !directory.exists(contactId)) {
            throw new NotFoundException("no contact with id " + contactId);
        }
        JsonFields fields = JsonFields.of(body, WRITABLE, READ_ONLY);
        String text = fields.longText("body", MAX_BODY);
        fields.require("body", text == null ? null : text.strip());
        fields.throwIfInvalid();
        String id = IdType.NOTE.newId();
        AddNote command = new AddNote(id, contactId, text);
        return readBack.created("/api/notes/{id}/", id,
                writes.run(() -> commandGateway.sendAndWait(command), new FindNote(id)));
    }

    @PatchMapping(path = "/api/notes/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Versioned<NoteView> edit(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                             @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.NOTE.requireMatch(id);
        JsonFields fields = JsonFields.of(body, WRITABLE, READ_ONLY);
        String text = fields.longText("body", MAX_BODY);
        if (text != null && text.isBlank()) {
            fields.reject("body", "cannot be empty");
        }
        fields.throwIfInvalid();
        EditNote command = new EditNote(id, IfMatch.expectedVersion(ifMatch), text);
        return writes.run(() -> commandGateway.sendAndWait(command), new FindNote(id));
    }

    @DeleteMapping("/api/notes/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.NOTE.requireMatch(id);
        DeleteNote command = new DeleteNote(id, IfMatch.expectedVersion(ifMatch), false);
        writes.run(() -> commandGateway.sendAndWait(command));
        return ResponseEntity.noContent().build();
    }

}
