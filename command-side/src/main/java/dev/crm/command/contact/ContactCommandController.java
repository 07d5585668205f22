package dev.crm.command.contact;

import dev.crm.api.common.IdType;
import dev.crm.api.contact.ContactCommands.DeleteContact;
import dev.crm.api.contact.ContactView;
import dev.crm.command.web.RecordCommandController;
import dev.crm.command.web.RecordWrites;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Writes to contacts: each request becomes one command, answered with the contact as it now reads. */
@RestController
@RequestMapping("/api/contacts")
class ContactCommandController extends RecordCommandController<ContactRequest, ContactView> {

    ContactCommandController(RecordWrites writes) {
        super(writes, IdType.CONTACT, "/api/contacts/{id}/", DeleteContact::new);
    }
}
