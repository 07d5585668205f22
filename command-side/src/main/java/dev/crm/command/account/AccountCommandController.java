package dev.crm.command.account;

import dev.crm.api.account.AccountCommands.CreateAccount;
import dev.crm.api.account.AccountCommands.DeleteAccount;
import dev.crm.api.account.AccountCommands.UpdateAccount;
import dev.crm.api.account.AccountQueries.FindAccount;
import dev.crm.api.account.AccountView;
import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
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

import java.util.List;
import java.util.Set;

/** Writes to accounts: each request becomes one command, answered with the account as it now reads. */
@RestController
@RequestMapping("/api/accounts")
class AccountCommandController {

    private static final Set<String> WRITABLE = Set.of("name", "domain", "industry", "phone", "assignedTo", "tags",
            "notes");
    private static final Set<String> READ_ONLY = Set.of("id", "assignedToName", "contactCount", "createdAt",
            "updatedAt");

    private final CommandGateway commandGateway;
    private final GroupCommit writes;
    private final ReadBack readBack;
    private final RecordDirectory directory;

    AccountCommandController(CommandGateway commandGateway, GroupCommit writes, ReadBack readBack,
                             RecordDirectory directory) {
        this.commandGateway = commandGateway;
        this.writes = writes;
        this.readBack = readBack;
        this.directory = directory;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Versioned<AccountView>> create(@RequestBody(required = false) JsonNode body) {
        AccountFields in = read(body);
        in.fields.require("name", in.name);
        in.fields.throwIfInvalid();
        String id = IdType.ACCOUNT.newId();
        CreateAccount command = new CreateAccount(id, in.name, in.domain, in.industry, in.phone, in.assignedTo,
                in.tags, in.notes);
        return readBack.created("/api/accounts/{id}/", id,
                writes.run(() -> commandGateway.sendAndWait(command), new FindAccount(id)));
    }

    @PatchMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Versioned<AccountView> update(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                  @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.ACCOUNT.requireMatch(id);
        AccountFields in = read(body);
        in.fields.rejectCleared("name", in.name);
        in.fields.throwIfInvalid();
        UpdateAccount command = new UpdateAccount(id, IfMatch.expectedVersion(ifMatch), in.name, in.domain,
                in.industry, in.phone, in.assignedTo, in.tags, in.notes);
        return writes.run(() -> commandGateway.sendAndWait(command), new FindAccount(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
                                @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        IdType.ACCOUNT.requireMatch(id);
        DeleteAccount command = new DeleteAccount(id, IfMatch.expectedVersion(ifMatch));
        writes.run(() -> commandGateway.sendAndWait(command));
        return ResponseEntity.noContent().build();
    }

    private AccountFields read(JsonNode body) {
        return new AccountFields(JsonFields.of(body, WRITABLE, READ_ONLY), directory);
    }

    /**
     * The fields of an account request, read and shape-checked; rules on the account's state live in {@link
     * Account}.
     */
    private static final class AccountFields {
        final JsonFields fields;
        final String name;
        final String domain;
        final String industry;
        final String phone;
        final String assignedTo;
        final List<String> tags;
        final String notes;

        AccountFields(JsonFields fields, RecordDirectory directory) {
            this.fields = fields;
            name = fields.text("name", 200);
            domain = fields.text("domain", 253);
            industry = fields.text("industry", 100);
            phone = fields.phone("phone");
            assignedTo = fields.reference("assignedTo", IdType.USER);
            tags = fields.tags("tags");
            notes = fields.longText("notes", 10_000);
            fields.requireExisting("assignedTo", assignedTo, directory::exists);
        }
    }
}
