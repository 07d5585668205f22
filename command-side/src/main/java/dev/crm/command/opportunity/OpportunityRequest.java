package dev.crm.command.opportunity;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Patch;
import dev.crm.api.opportunity.OpportunityCommands.CreateOpportunity;
import dev.crm.api.opportunity.OpportunityCommands.UpdateOpportunity;
import dev.crm.api.opportunity.OpportunityStage;
import dev.crm.command.common.Values;
import dev.crm.command.web.OnCreate;
import dev.crm.command.web.OnUpdate;
import dev.crm.command.web.RecordRequest;
import dev.crm.command.web.WriteRequest;
import dev.crm.command.web.constraints.Kind;
import dev.crm.command.web.constraints.NotCleared;
import dev.crm.command.web.constraints.Reference;
import dev.crm.command.web.constraints.RequestValues;
import dev.crm.command.web.constraints.Required;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

import static dev.crm.command.web.constraints.Kind.Of.AMOUNT;
import static dev.crm.command.web.constraints.Kind.Of.CURRENCY;
import static dev.crm.command.web.constraints.Kind.Of.ISO_DATE;
import static dev.crm.command.web.constraints.Shapes.AT_MOST;

/** The body of {@code POST /api/opportunities/} and of {@code PATCH /api/opportunities/{id}/}. */
@WriteRequest(readOnly = {"id", "accountName", "assignedToName", "createdAt", "updatedAt"})
record OpportunityRequest(
        @Required(groups = OnCreate.class) @NotCleared(groups = OnUpdate.class)
        Patch<@Size(max = 200, message = AT_MOST) String> name,
        @NotCleared(groups = OnUpdate.class) Patch<@Kind(AMOUNT) BigDecimal> value,
        @NotCleared(groups = OnUpdate.class) Patch<@Kind(CURRENCY) String> currency,
        Patch<OpportunityStage> stage,
        Patch<@Reference(IdType.ACCOUNT) String> accountId,
        Patch<@Reference(IdType.CONTACT) String> contactId,
        Patch<@Reference(IdType.USER) String> assignedTo,
        Patch<@Kind(ISO_DATE) String> closeDate) implements RecordRequest {

    @Override
    public CreateOpportunity create(String id) {
        return new CreateOpportunity(id, name.value(), Values.amount(value.value()), currency.value(), stage.value(),
                accountId.value(), contactId.value(), assignedTo.value(), closeDate.map(RequestValues::date).value());
    }

    @Override
    public UpdateOpportunity update(String id, Long expectedVersion) {
        return new UpdateOpportunity(id, expectedVersion, name.value(), Values.amount(value.value()),
                currency.value(), stage.value(), accountId, contactId, assignedTo,
                closeDate.map(RequestValues::date));
    }
}
