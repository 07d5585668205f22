package dev.crm.query.contact;

import dev.crm.api.contact.ContactEvents.ContactAccountChanged;
import dev.crm.api.contact.ContactEvents.ContactAssigned;
import dev.crm.api.contact.ContactEvents.ContactCreated;
import dev.crm.api.contact.ContactEvents.ContactDeleted;
import dev.crm.api.contact.ContactEvents.ContactDetailsCorrected;
import dev.crm.api.contact.ContactEvents.ContactEmailStatusChanged;
import dev.crm.api.contact.ContactEvents.ContactErased;
import dev.crm.api.contact.ContactEvents.ContactStageChanged;
import dev.crm.api.contact.ContactEvents.ContactTagsChanged;
import dev.crm.query.admin.RecordFold;
import dev.crm.query.admin.RecordProjection;
import dev.crm.query.admin.RecordWriter;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code contact} table in step with the contact events. Names of the assigned user and the
 * account are not copied here: the query joins them, so renames show at once.
 */
@Component
@ProcessingGroup("contacts")
class ContactProjection extends RecordProjection {

    ContactProjection(RecordWriter writer) {
        super(writer, RecordFold.of("contact", ContactCreated.class)
                .changedBy(ContactDetailsCorrected.class, ContactStageChanged.class, ContactAssigned.class,
                        ContactAccountChanged.class, ContactTagsChanged.class, ContactEmailStatusChanged.class)
                .deletedBy(ContactDeleted.class)
                .erasedBy(ContactErased.class, "id"));
    }
}
