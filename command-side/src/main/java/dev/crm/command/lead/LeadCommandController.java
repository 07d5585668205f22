package dev.crm.command.lead;

import dev.crm.api.account.AccountView;
import dev.crm.api.common.FindRecord;
import dev.crm.api.common.IdType;
import dev.crm.api.common.ReadModel;
import dev.crm.api.contact.ContactView;
import dev.crm.api.lead.LeadCommands.DeleteLead;
import dev.crm.api.lead.LeadCommands.EraseLead;
import dev.crm.api.lead.LeadCommands.LeadConversion;
import dev.crm.api.lead.LeadView;
import dev.crm.api.opportunity.OpportunityView;
import dev.crm.command.web.RecordCommandController;
import dev.crm.command.web.RecordWrites;

import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Writes to leads, and their conversion into a contact (with an optional account and opportunity). */
@RestController
@RequestMapping("/api/leads")
class LeadCommandController extends RecordCommandController<LeadRequest, LeadView> {

    private final RecordWrites writes;
    private final ReadModel readModel;

    LeadCommandController(RecordWrites writes, ReadModel readModel) {
        super(writes, IdType.LEAD, "/api/leads/{id}/", DeleteLead::new);
        this.writes = writes;
        this.readModel = readModel;
    }

    /** Answers every record the conversion created or linked, as the read models now show them. */
    @PostMapping(path = "/{id}/convert", produces = MediaType.APPLICATION_JSON_VALUE)
    ConversionResponse convert(@PathVariable String id,
                               @Valid @RequestBody(required = false) ConvertLeadRequest body) {
        IdType.LEAD.requireMatch(id);
        var command = (body == null ? ConvertLeadRequest.CONTACT_ONLY : body).command(id);
        return writes.send(command, (LeadConversion done) -> new ConversionResponse(
                this.<LeadView>view(new FindRecord(id)), view(new FindRecord(done.contactId())),
                done.accountId() == null ? null : view(new FindRecord(done.accountId())),
                done.opportunityId() == null ? null : view(new FindRecord(done.opportunityId()))));
    }

    /** Erases the lead's person, and the contact it was converted into: admins only; a repeat changes nothing. */
    @PostMapping("/{id}/erase")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> erase(@PathVariable String id) {
        IdType.LEAD.requireMatch(id);
        return writes.delete(new EraseLead(id));
    }

    /** A record the conversion wrote, read back in its transaction. */
    private <T> T view(FindRecord find) {
        return readModel.<T>require(find, "the record no longer exists").value();
    }

    /** The answer to a conversion, in the leads reference's shape; {@code account}/{@code opportunity} may be null. */
    record ConversionResponse(LeadView lead, ContactView contact, AccountView account, OpportunityView opportunity) {
    }
}
