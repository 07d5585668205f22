package dev.crm.query.contact;

import dev.crm.api.common.IdType;
import dev.crm.api.contact.ContactQueries.FindContact;
import dev.crm.api.contact.ContactView;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.record.RecordQueryController;
import dev.crm.query.web.ReadModels;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads of contacts, with the filters of the contacts reference. */
@RestController
@RequestMapping("/api/contacts")
class ContactQueryController extends RecordQueryController<ContactView, ContactFilter> {

    ContactQueryController(ReadModels readModels, PointInTime pointInTime) {
        super(readModels, pointInTime, IdType.CONTACT, FindContact::new, ContactQueryHandler.ROWS);
    }
}
