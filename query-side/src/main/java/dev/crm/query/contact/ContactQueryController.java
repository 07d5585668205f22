package dev.crm.query.contact;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import dev.crm.api.contact.ContactQueries.FindContact;
import dev.crm.api.contact.ContactView;
import dev.crm.query.asof.AsOf;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.web.PageResponse;
import dev.crm.query.web.ReadModels;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads of contacts, with the filters of the contacts reference. */
@RestController
@RequestMapping("/api/contacts")
class ContactQueryController {

    private final ReadModels readModels;
    private final PointInTime pointInTime;

    ContactQueryController(ReadModels readModels, PointInTime pointInTime) {
        this.readModels = readModels;
        this.pointInTime = pointInTime;
    }

    @GetMapping
    PageResponse<ContactView> list(@Valid ContactFilter filter) {
        var query = filter.query();
        return PageResponse.of(readModels.page(query), query.page());
    }

    @GetMapping("/{id}")
    Versioned<ContactView> get(@PathVariable String id, AsOf at) {
        IdType.CONTACT.requireMatch(id);
        return pointInTime.find(new FindContact(id), ContactQueryHandler.ROWS, "no contact with id " + id, at.asOf());
    }
}
