package dev.crm.command.contact;

import dev.crm.api.common.IdType;
import dev.crm.api.contact.ContactCommands.DeleteContact;
import dev.crm.api.contact.ContactCommands.EraseContact;
import dev.crm.api.contact.ContactView;
import dev.crm.command.web.RecordCommandController;
import dev.crm.command.web.RecordWrites;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Writes to contacts: each request becomes one command, answered with the contact as it now reads; and the
 * erasure of a contact's person.
 */
@RestController
@RequestMapping("/api/contacts")
class ContactCommandController extends RecordCommandController<ContactRequest, ContactView> {

    private final RecordWrites writes;

    ContactCommandController(RecordWrites writes) {
        super(writes, IdType.CONTACT, "/api/contacts/{id}/", DeleteContact::new);
        this.writes = writes;
    }

    /** Erases the contact's person (the right to be forgotten): admins only; a repeat changes nothing. */
    @PostMapping("/{id}/erase")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> erase(@PathVariable String id) {
        IdType.CONTACT.requireMatch(id);
        return writes.delete(new EraseContact(id));
    }
}
