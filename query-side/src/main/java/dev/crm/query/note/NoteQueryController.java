package dev.crm.query.note;

import dev.crm.api.common.IdType;
import dev.crm.api.common.PageQuery;
import dev.crm.api.common.Versioned;
import dev.crm.api.contact.ContactQueries.FindContact;
import dev.crm.api.note.NoteQueries.FindNote;
import dev.crm.api.note.NoteQueries.ListNotes;
import dev.crm.api.note.NoteView;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.web.ListParams;
import dev.crm.query.web.PageResponse;
import dev.crm.query.web.ReadModels;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/** Reads of notes: a contact's timeline of notes, and one note. */
@RestController
class NoteQueryController {

    private static final Set<String> ORDERABLE = Set.of("createdAt", "updatedAt");

    private final ReadModels readModels;
    private final PointInTime pointInTime;

    NoteQueryController(ReadModels readModels, PointInTime pointInTime) {
        this.readModels = readModels;
        this.pointInTime = pointInTime;
    }

    @GetMapping("/api/contacts/{contactId}/notes")
    PageResponse<NoteView> list(@PathVariable String contactId, HttpServletRequest request) {
        IdType.CONTACT.requireMatch(contactId);
        readModels.find(new FindContact(contactId), "no contact with id " + contactId);
        ListParams params = ListParams.of(request);
        PageQuery page = params.page(ORDERABLE);
        params.throwIfInvalid();
        return PageResponse.of(readModels.page(new ListNotes(contactId, page)), page, request);
    }

    @GetMapping("/api/notes/{id}")
    Versioned<NoteView> get(@PathVariable String id, HttpServletRequest request) {
        IdType.NOTE.requireMatch(id);
        return pointInTime.find(request, new FindNote(id), id, "no note with id " + id,
                NoteProjection.GROUP, "DELETE FROM read_model.note WHERE id = ?");
    }
}
