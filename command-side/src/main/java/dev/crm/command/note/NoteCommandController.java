package dev.crm.command.note;

import dev.crm.api.common.FindRecord;
import dev.crm.api.common.IdType;
import dev.crm.api.common.NotFoundException;
import dev.crm.api.common.Versioned;
import dev.crm.api.note.NoteCommands.AddNote;
import dev.crm.api.note.NoteCommands.DeleteNote;
import dev.crm.api.note.NoteCommands.EditNote;
import dev.crm.api.note.NoteView;
import dev.crm.command.directory.OtherRecords;
import dev.crm.command.web.IfMatch;
import dev.crm.command.web.OnCreate;
import dev.crm.command.web.OnUpdate;
import dev.crm.command.web.RecordWrites;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Writing notes: added under a contact, edited and deleted on their own. */
@RestController
class NoteCommandController {

    private final RecordWrites writes;
    private final OtherRecords records;

    NoteCommandController(RecordWrites writes, OtherRecords records) {
        this.writes = writes;
        this.records = records;
    }

    @PostMapping(path = "/api/contacts/{contactId}/notes", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Versioned<NoteView>> add(@PathVariable String contactId,
                                            @Validated(OnCreate.class) @RequestBody NoteRequest body) {
        if (!IdType.CONTACT.matches(contactId) || !records.exists(contactId)) {
            throw new NotFoundException("no contact with id " + contactId);
        }
        String id = IdType.NOTE.newId();
        return writes.create(new AddNote(id, contactId, body.body().value()), new FindRecord(id), "/api/notes/{id}/");
    }

    @PatchMapping(path = "/api/notes/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Versioned<NoteView> edit(@PathVariable String id, @Validated(OnUpdate.class) @RequestBody NoteRequest body,
                             @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.NOTE.requireMatch(id);
        return writes.update(new EditNote(id, IfMatch.expectedVersion(ifMatch), body.body().value()), new FindRecord(id));
    }

    @DeleteMapping("/api/notes/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.NOTE.requireMatch(id);
        return writes.delete(new DeleteNote(id, IfMatch.expectedVersion(ifMatch), false));
    }
}
