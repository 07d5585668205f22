package dev.crm.command.account;

import dev.crm.api.account.AccountCommands.CreateAccount;
import dev.crm.api.account.AccountCommands.UpdateAccount;
import dev.crm.api.common.IdType;
import dev.crm.api.common.Patch;
import dev.crm.command.web.FreeText;
import dev.crm.command.web.OnCreate;
import dev.crm.command.web.OnUpdate;
import dev.crm.command.web.RecordRequest;
import dev.crm.command.web.WriteRequest;
import dev.crm.command.web.constraints.Kind;
import dev.crm.command.web.constraints.NotCleared;
import dev.crm.command.web.constraints.Reference;
import dev.crm.command.web.constraints.RequestValues;
import dev.crm.command.web.constraints.Required;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

import static dev.crm.command.web.constraints.Kind.Of.TAGS;
import static dev.crm.command.web.constraints.Shapes.AT_MOST;
import static dev.crm.command.web.constraints.Shapes.NOT_A_PHONE;
import static dev.crm.command.web.constraints.Shapes.PHONE;

/** The body of {@code POST /api/accounts/} and of {@code PATCH /api/accounts/{id}/}. */
@WriteRequest(readOnly = {"id", "assignedToName", "contactCount", "createdAt", "updatedAt"})
record AccountRequest(
        @Required(groups = OnCreate.class) @NotCleared(groups = OnUpdate.class)
        Patch<@Size(max = 200, message = AT_MOST) String> name,
        Patch<@Size(max = 253, message = AT_MOST) String> domain,
        Patch<@Size(max = 100, message = AT_MOST) String> industry,
        Patch<@Pattern(regexp = PHONE, message = NOT_A_PHONE) String> phone,
        Patch<@Reference(IdType.USER) String> assignedTo,
        Patch<@Kind(TAGS) List<String>> tags,
        @FreeText Patch<@Size(max = 10_000, message = AT_MOST) String> notes) implements RecordRequest {

    @Override
    public CreateAccount create(String id) {
        return new CreateAccount(id, name.value(), domain.value(), industry.value(), phone.value(), assignedTo.value(),
                RequestValues.distinct(tags.value()), notes.value());
    }

    @Override
    public UpdateAccount update(String id, Long expectedVersion) {
        return new UpdateAccount(id, expectedVersion, name.value(), domain, industry, phone, assignedTo,
                tags.map(RequestValues::distinct).clearedAs(List.of()), notes);
    }
}
