package dev.crm.command.opportunity;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import dev.crm.api.opportunity.OpportunityCommands.CreateOpportunity;
import dev.crm.api.opportunity.OpportunityCommands.DeleteOpportunity;
import dev.crm.api.opportunity.OpportunityCommands.UpdateOpportunity;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** Writes to opportunities: each request becomes one command, answered with the opportunity as it now reads. */
@RestController
@RequestMapping("/api/opportunities")
class OpportunityCommandController {

    private static final Set<String> WRITABLE = Set.of("name", "value", "currency", "stage", "accountId",
            "contactId", "assignedTo", "closeDate");
    private static final Set<String> READ_ONLY = Set.of("id", "accountName", "assignedToName", "createdAt",
            "updatedAt");

    private final CommandGateway commandGateway;
    private final GroupCommit writes;
    private final ReadBack readBack;
    private final RecordDirectory directory;

    OpportunityCommandController(CommandGateway commandGateway, GroupCommit writes, ReadBack readBack,
                                 RecordDirectory directory) {
        this.commandGateway = commandGateway;
        this.writes = writes;
        this.readBack = readBack;
        this.directory = directory;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Versioned<OpportunityView>> create(@RequestBody(required = false) JsonNode body) {
        OpportunityFields in = read(body);
        in.fields.require("name", in.name);
        in.fields.throwIfInvalid();
        String id = IdType.OPPORTUNITY.newId();
        CreateOpportunity command = new CreateOpportunity(id, in.name, in.value, in.currency, in.stage, in.accountId,
                in.contactId, in.assignedTo, in.closeDate);
        return readBack.created("/api/opportunities/{id}/", id,
                writes.run(() -> commandGateway.sendAndWait(command), new FindOpportunity(id)));
    }

    @PatchMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Versioned<OpportunityView> update(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                      @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.OPPORTUNITY.requireMatch(id);
        OpportunityFields in = read(body);
        in.fields.rejectCleared("name", in.name);
        in.fields.rejectCleared("value", in.value);
        in.fields.rejectCleared("currency", in.currency);
        in.fields.throwIfInvalid();
        // closeDate sent as null or "" clears it; absent keeps it
        boolean clearCloseDate = in.fields.has("closeDate") && in.closeDate == null;
        UpdateOpportunity command = new UpdateOpportunity(id, IfMatch.expectedVersion(ifMatch), in.name, in.value,
                in.currency, in.stage, in.accountId, in.contactId, in.assignedTo, in.closeDate, clearCloseDate);
        return writes.run(() -> commandGateway.sendAndWait(command), new FindOpportunity(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.OPPORTUNITY.requireMatch(id);
        DeleteOpportunity command = new DeleteOpportunity(id, IfMatch.expectedVersion(ifMatch));
        writes.run(() -> commandGateway.sendAndWait(command));
        return ResponseEntity.noContent().build();
    }

    private OpportunityFields read(JsonNode body) {
        return new OpportunityFields(JsonFields.of(body, WRITABLE, READ_ONLY), directory);
    }

    /**
     * The fields of an opportunity request, read and shape-checked; rules on the opportunity's state live in
     * {@link Opportunity}.
     */
    private static final class OpportunityFields {
        final JsonFields fields;
        final String name;
        final BigDecimal value;
        final String currency;
        final OpportunityStage stage;
        final String accountId;
        final String contactId;
        final String assignedTo;
        final LocalDate closeDate;

        OpportunityFields(JsonFields fields, RecordDirectory directory) {
            this.fields = fields;
            name = fields.text("name", 200);
            value = fields.amount("value");
            currency = fields.currency("currency");
            stage = fields.enumValue("stage", OpportunityStage.class);
            accountId = fields.reference("accountId", IdType.ACCOUNT);
            contactId = fields.reference("contactId", IdType.CONTACT);
            assignedTo = fields.reference("assignedTo", IdType.USER);
            closeDate = fields.date("closeDate");
            fields.requireExisting("accountId", accountId, directory::exists);
            fields.requireExisting("contactId", contactId, directory::exists);
            fields.requireExisting("assignedTo", assignedTo, directory::exists);
        }
    }
}
