package dev.crm.query.contact;

import dev.crm.api.common.IdType;
import dev.crm.api.contact.ContactView;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.record.RecordQueryController;
import dev.crm.api.common.ReadModel;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads of contacts, with the filters of the contacts reference. */
@RestController
@RequestMapping("/api/contacts")
class ContactQueryController extends RecordQueryController<ContactView, ContactFilter> {

    ContactQueryController(ReadModel readModel, PointInTime pointInTime) {
        super(readModel, pointInTime, IdType.CONTACT);
    }
}
