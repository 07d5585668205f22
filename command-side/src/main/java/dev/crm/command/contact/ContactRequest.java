package dev.crm.command.contact;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Patch;
import dev.crm.api.contact.ContactCommands.CreateContact;
import dev.crm.api.contact.ContactCommands.UpdateContact;
import dev.crm.api.contact.ContactStage;
import dev.crm.command.web.FreeText;
import dev.crm.command.web.OnCreate;
import dev.crm.command.web.OnUpdate;
import dev.crm.command.web.RecordRequest;
import dev.crm.command.web.WriteRequest;
import dev.crm.command.web.constraints.Kind;
import dev.crm.command.web.constraints.NameRequired;
import dev.crm.command.web.constraints.NotCleared;
import dev.crm.command.web.constraints.Reference;
import dev.crm.command.web.constraints.RequestValues;
import dev.crm.command.web.constraints.Required;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

import static dev.crm.command.web.constraints.Kind.Of.TAGS;
import static dev.crm.command.web.constraints.RequestValues.distinct;
import static dev.crm.command.web.constraints.Shapes.AT_MOST;
import static dev.crm.command.web.constraints.Shapes.EMAIL;
import static dev.crm.command.web.constraints.Shapes.MAX_EMAIL;
import static dev.crm.command.web.constraints.Shapes.NOT_AN_EMAIL;
import static dev.crm.command.web.constraints.Shapes.NOT_A_PHONE;
import static dev.crm.command.web.constraints.Shapes.PHONE;

/** The body of {@code POST /api/contacts/} and of {@code PATCH /api/contacts/{id}/}. */
@WriteRequest(readOnly = {"id", "accountName", "assignedToName", "createdAt", "updatedAt"})
@NameRequired(groups = OnCreate.class)
record ContactRequest(
        Patch<@Size(max = 100, message = AT_MOST) String> firstName,
        Patch<@Size(max = 100, message = AT_MOST) String> lastName,
        @Required(groups = OnCreate.class) @NotCleared(groups = OnUpdate.class)
        Patch<@Size(max = MAX_EMAIL, message = AT_MOST) @Pattern(regexp = EMAIL, message = NOT_AN_EMAIL) String> email,
        Patch<@Pattern(regexp = PHONE, message = NOT_A_PHONE) String> phone,
        Patch<@Size(max = 200, message = AT_MOST) String> title,
        Patch<ContactStage> stage,
        Patch<@Reference(IdType.ACCOUNT) String> accountId,
        Patch<@Reference(IdType.USER) String> assignedTo,
        Patch<@Kind(TAGS) List<String>> tags,
        @FreeText Patch<@Size(max = 10_000, message = AT_MOST) String> notes,
        Patch<Boolean> emailOptOut,
        Patch<Boolean> emailBounced) implements RecordRequest, NameRequired.Named {

    @Override
    public CreateContact create(String id) {
        return new CreateContact(id, firstName.value(), lastName.value(), email.value(), phone.value(), title.value(),
                notes.value(), stage.value(), accountId.value(), assignedTo.value(), distinct(tags.value()),
                Boolean.TRUE.equals(emailOptOut.value()), Boolean.TRUE.equals(emailBounced.value()));
    }

    @Override
    public UpdateContact update(String id, Long expectedVersion) {
        return new UpdateContact(id, expectedVersion, firstName, lastName, email.value(), phone, title, notes,
                stage.value(), accountId, assignedTo, tags.map(RequestValues::distinct).clearedAs(List.of()),
                emailOptOut.value(), emailBounced.value());
    }
}
