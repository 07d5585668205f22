package dev.crm.command.contact;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import dev.crm.api.contact.ContactCommands.DeleteContact;
import dev.crm.api.contact.ContactQueries.FindContact;
import dev.crm.api.contact.ContactView;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Writes to contacts: each request becomes one command, answered with the contact as it now reads. */
@RestController
@RequestMapping("/api/contacts")
class ContactCommandController {

    private final RecordWrites writes;

    ContactCommandController(RecordWrites writes) {
        this.writes = writes;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Versioned<ContactView>> create(@Validated(OnCreate.class) @RequestBody ContactRequest body) {
        String id = IdType.CONTACT.newId();
        return writes.create(body.create(id), new FindContact(id), "/api/contacts/{id}/");
    }

    @PatchMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Versioned<ContactView> update(@PathVariable String id, @Validated(OnUpdate.class) @RequestBody ContactRequest body,
                                  @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.CONTACT.requireMatch(id);
        return writes.update(body.update(id, IfMatch.expectedVersion(ifMatch)), new FindContact(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.CONTACT.requireMatch(id);
        return writes.delete(new DeleteContact(id, IfMatch.expectedVersion(ifMatch)));
    }
}
