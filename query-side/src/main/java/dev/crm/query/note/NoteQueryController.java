package dev.crm.query.note;

import dev.crm.api.common.FindRecord;
import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import dev.crm.api.note.NoteQueries.ListNotes;
import dev.crm.api.note.NoteView;
import dev.crm.query.asof.AsOf;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.asof.RecordRows;
import dev.crm.query.web.PageResponse;
import dev.crm.api.common.ReadModel;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Reads of notes: a contact's timeline of notes, and one note. */
@RestController
class NoteQueryController {

    private final ReadModel readModel;
    private final PointInTime pointInTime;

    NoteQueryController(ReadModel readModel, PointInTime pointInTime) {
        this.readModel = readModel;
        this.pointInTime = pointInTime;
    }

    @GetMapping("/api/contacts/{contactId}/notes")
    PageResponse<NoteView> list(@PathVariable String contactId, @Valid NotePage page) {
        IdType.CONTACT.requireMatch(contactId);
        readModel.require(new FindRecord(contactId), "no contact with id " + contactId);
        return PageResponse.of(readModel.page(new ListNotes(contactId, page.pageQuery())), page.pageQuery());
    }

    @GetMapping("/api/notes/{id}")
    Versioned<NoteView> get(@PathVariable String id, AsOf at) {
        IdType.NOTE.requireMatch(id);
        return pointInTime.find(new FindRecord(id), RecordRows.VERSIONED, "no note with id " + id, at.asOf());
    }
}
