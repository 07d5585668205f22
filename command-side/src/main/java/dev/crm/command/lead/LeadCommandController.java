package dev.crm.command.lead;

import dev.crm.api.account.AccountQueries.FindAccount;
import dev.crm.api.account.AccountView;
import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import dev.crm.api.contact.ContactQueries.FindContact;
import dev.crm.api.contact.ContactView;
import dev.crm.api.lead.LeadCommands.ConvertLead;
import dev.crm.api.lead.LeadCommands.CreateLead;
import dev.crm.api.lead.LeadCommands.DeleteLead;
import dev.crm.api.lead.LeadCommands.LeadConversion;
import dev.crm.api.lead.LeadCommands.UpdateLead;
import dev.crm.api.lead.LeadQueries.FindLead;
import dev.crm.api.lead.LeadStatus;
import dev.crm.api.lead.LeadView;
import dev.crm.api.opportunity.OpportunityQueries.FindOpportunity;
import dev.crm.api.opportunity.OpportunityStage;
import dev.crm.api.opportunity.OpportunityView;
import dev.crm.command.directory.RecordDirectory;
import dev.crm.command.web.GroupCommit;
import dev.crm.command.web.IfMatch;
import dev.crm.command.web.JsonFields;
import dev.crm.command.web.ReadBack;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.util.Set;

/** Writes to leads, and their conversion into a contact (with an optional account and opportunity). */
@RestController
@RequestMapping("/api/leads")
class LeadCommandController {

    private static final Set<String> WRITABLE = Set.of("firstName", "lastName", "email", "phone", "company",
            "status", "source", "assignedTo", "leadScore", "emailOptOut", "emailBounced", "notes");
    private static final Set<String> READ_ONLY = Set.of("id", "assignedToName", "convertedAt", "convertedContactId",
            "createdAt", "updatedAt");
    private static final Set<String> CONVERSION_FIELDS = Set.of("createAccount", "accountName", "accountId",
            "createOpportunity", "opportunityName", "opportunityValue", "opportunityStage");

    private final CommandGateway commandGateway;
    private final GroupCommit writes;
    private final ReadBack readBack;
    private final RecordDirectory directory;

    LeadCommandController(CommandGateway commandGateway, GroupCommit writes, ReadBack readBack,
                          RecordDirectory directory) {
        this.commandGateway = commandGateway;
        this.writes = writes;
        this.readBack = readBack;
        this.directory = directory;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Versioned<LeadView>> create(@RequestBody(required = false) JsonNode body) {
        LeadFields in = read(body);
        in.fields.require("email", in.email);
        in.fields.requireName(in.firstName, in.lastName);
        in.fields.throwIfInvalid();
        String id = IdType.LEAD.newId();
        CreateLead command = new CreateLead(id, in.firstName, in.lastName, in.email, in.phone, in.company,
                in.status, in.source, in.assignedTo, in.leadScore, Boolean.TRUE.equals(in.emailOptOut),
                Boolean.TRUE.equals(in.emailBounced), in.notes);
        return readBack.created("/api/leads/{id}/", id,
                writes.run(() -> commandGateway.sendAndWait(command), new FindLead(id)));
    }

    @PatchMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Versioned<LeadView> update(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                               @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.LEAD.requireMatch(id);
        LeadFields in = read(body);
        in.fields.rejectCleared("email", in.email);
        in.fields.throwIfInvalid();
        boolean clearScore = in.fields.has("leadScore") && body.get("leadScore").isNull();
        UpdateLead command = new UpdateLead(id, IfMatch.expectedVersion(ifMatch), in.firstName, in.lastName,
                in.email, in.phone, in.company, in.status, in.source, in.assignedTo, in.leadScore, clearScore,
                in.emailOptOut, in.emailBounced, in.notes);
        return writes.run(() -> commandGateway.sendAndWait(command), new FindLead(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.LEAD.requireMatch(id);
        DeleteLead command = new DeleteLead(id, IfMatch.expectedVersion(ifMatch));
        writes.run(() -> commandGateway.sendAndWait(command));
        return ResponseEntity.noContent().build();
    }

    /**
     * {@code {"createAccount", "accountName", "accountId", "createOpportunity", "opportunityName",
     * "opportunityValue", "opportunityStage"}}, every field optional; an empty body converts into a contact only.
     */
    @PostMapping(path = "/{id}/convert", produces = MediaType.APPLICATION_JSON_VALUE)
    ConversionResponse convert(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
        IdType.LEAD.requireMatch(id);
        JsonFields fields = JsonFields.of(body == null ? JsonNodeFactory.instance.objectNode() : body,
                CONVERSION_FIELDS, Set.of());
        boolean createAccount = Boolean.TRUE.equals(fields.bool("createAccount"));
        String accountName = fields.text("accountName", 200);
        String accountId = fields.reference("accountId", IdType.ACCOUNT);
        boolean createOpportunity = Boolean.TRUE.equals(fields.bool("createOpportunity"));
        String opportunityName = fields.text("opportunityName", 200);
        BigDecimal opportunityValue = fields.amount("opportunityValue");
        OpportunityStage opportunityStage = fields.enumValue("opportunityStage", OpportunityStage.class);
        if (createAccount && accountId != null && !accountId.isEmpty()) {
            fields.reject("accountId", "give either accountId or createAccount: true, not both");
        }
        if (!createAccount && accountName != null) {
            fields.reject("accountName", "only with createAccount: true");
        }
        if (!createOpportunity) {
            for (String field : new String[] {"opportunityName", "opportunityValue", "opportunityStage"}) {
                if (fields.has(field)) {
                    fields.reject(field, "only with createOpportunity: true");
                }
            }
        }
        fields.requireExisting("accountId", accountId, directory::exists);
        fields.throwIfInvalid();

        ConvertLead command = new ConvertLead(id, IdType.CONTACT.newId(), createAccount,
                createAccount ? IdType.ACCOUNT.newId() : null, accountName,
                accountId == null || accountId.isEmpty() ? null : accountId, createOpportunity,
                createOpportunity ? IdType.OPPORTUNITY.newId() : null, opportunityName, opportunityValue,
                opportunityStage);
        return writes.run(() -> commandGateway.<LeadConversion>sendAndWait(command), done -> new ConversionResponse(
                readBack.<LeadView>find(new FindLead(id)).value(),
                readBack.<ContactView>find(new FindContact(done.contactId())).value(),
                done.accountId() == null ? null : readBack.<AccountView>find(new FindAccount(done.accountId())).value(),
                done.opportunityId() == null ? null
                        : readBack.<OpportunityView>find(new FindOpportunity(done.opportunityId())).value()));
    }

    /** The answer to a conversion, in the leads reference's shape; {@code account}/{@code opportunity} may be null. */
    record ConversionResponse(LeadView lead, ContactView contact, AccountView account, OpportunityView opportunity) {
    }

    private LeadFields read(JsonNode body) {
        return new LeadFields(JsonFields.of(body, WRITABLE, READ_ONLY), directory);
    }

    /** The fields of a lead request, read and shape-checked; rules on the lead's state live in {@link Lead}. */
    private static final class LeadFields {
        final JsonFields fields;
        final String firstName;
        final String lastName;
        final String email;
        final String phone;
        final String company;
        final LeadStatus status;
        final String source;
        final String assignedTo;
        final Integer leadScore;
        final Boolean emailOptOut;
        final Boolean emailBounced;
        final String notes;

        LeadFields(JsonFields fields, RecordDirectory directory) {
            this.fields = fields;
            firstName = fields.text("firstName", 100);
            lastName = fields.text("lastName", 100);
            email = fields.email("email");
            phone = fields.phone("phone");
            company = fields.text("company", 200);
            status = fields.enumValue("status", LeadStatus.class);
            source = fields.text("source", 100);
            assignedTo = fields.reference("assignedTo", IdType.USER);
            leadScore = fields.integer("leadScore", 0, 100);
            emailOptOut = fields.bool("emailOptOut");
            emailBounced = fields.bool("emailBounced");
            notes = fields.longText("notes", 10_000);
            if (status == LeadStatus.CONVERTED) {
                fields.reject("status", "a lead becomes converted only through POST /api/leads/{id}/convert/");
            }
            fields.requireExisting("assignedTo", assignedTo, directory::exists);
        }
    }
}
