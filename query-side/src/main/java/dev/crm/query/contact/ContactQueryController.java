package dev.crm.query.contact;

import dev.crm.api.common.IdType;
import dev.crm.api.common.PageQuery;
import dev.crm.api.common.Versioned;
import dev.crm.api.contact.ContactQueries.FindContact;
import dev.crm.api.contact.ContactQueries.ListContacts;
import dev.crm.api.contact.ContactStage;
import dev.crm.api.contact.ContactView;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.web.ListParams;
import dev.crm.query.web.PageResponse;
import dev.crm.query.web.ReadModels;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/** Reads of contacts, with the filters of the contacts reference. */
@RestController
@RequestMapping("/api/contacts")
class ContactQueryController {

    private static final Set<String> ORDERABLE = Set.of("createdAt", "updatedAt", "lastName", "email");

    private final ReadModels readModels;
    private final PointInTime pointInTime;

    ContactQueryController(ReadModels readModels, PointInTime pointInTime) {
        this.readModels = readModels;
        this.pointInTime = pointInTime;
    }

    @GetMapping
    PageResponse<ContactView> list(HttpServletRequest request) {
        ListParams params = ListParams.of(request);
        PageQuery page = params.page(ORDERABLE);
        ListContacts query = new ListContacts(params.enumValue("stage", ContactStage.class),
                params.id("assignedTo", IdType.USER), params.text("search"), params.instant("createdAfter"),
                params.instant("createdBefore"), params.tags("tags"), page);
        params.throwIfInvalid();
        return PageResponse.of(readModels.page(query), page, request);
    }

    @GetMapping("/{id}")
    Versioned<ContactView> get(@PathVariable String id, HttpServletRequest request) {
        IdType.CONTACT.requireMatch(id);
        return pointInTime.find(request, new FindContact(id), id, "no contact with id " + id,
                ContactProjection.GROUP, "DELETE FROM read_model.contact WHERE id = ?");
    }
}
