package dev.crm.command.lead;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Patch;
import dev.crm.api.lead.LeadCommands.CreateLead;
import dev.crm.api.lead.LeadCommands.UpdateLead;
import dev.crm.api.lead.LeadStatus;
import dev.crm.command.web.FreeText;
import dev.crm.command.web.OnCreate;
import dev.crm.command.web.OnUpdate;
import dev.crm.command.web.RecordRequest;
import dev.crm.command.web.WriteRequest;
import dev.crm.command.web.constraints.NameRequired;
import dev.crm.command.web.constraints.NotCleared;
import dev.crm.command.web.constraints.Reference;
import dev.crm.command.web.constraints.Required;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import static dev.crm.command.web.constraints.Shapes.AT_MOST;
import static dev.crm.command.web.constraints.Shapes.EMAIL;
import static dev.crm.command.web.constraints.Shapes.MAX_EMAIL;
import static dev.crm.command.web.constraints.Shapes.NOT_AN_EMAIL;
import static dev.crm.command.web.constraints.Shapes.NOT_A_PHONE;
import static dev.crm.command.web.constraints.Shapes.PHONE;

/** The body of {@code POST /api/leads/} and of {@code PATCH /api/leads/{id}/}. */
@WriteRequest(readOnly = {"id", "assignedToName", "convertedAt", "convertedContactId", "createdAt", "updatedAt"})
@NameRequired(groups = OnCreate.class)
record LeadRequest(
        Patch<@Size(max = 100, message = AT_MOST) String> firstName,
        Patch<@Size(max = 100, message = AT_MOST) String> lastName,
        @Required(groups = OnCreate.class) @NotCleared(groups = OnUpdate.class)
        Patch<@Size(max = MAX_EMAIL, message = AT_MOST) @Pattern(regexp = EMAIL, message = NOT_AN_EMAIL) String> email,
        Patch<@Pattern(regexp = PHONE, message = NOT_A_PHONE) String> phone,
        Patch<@Size(max = 200, message = AT_MOST) String> company,
        Patch<@WritableStatus LeadStatus> status,
        Patch<@Size(max = 100, message = AT_MOST) String> source,
        Patch<@Reference(IdType.USER) String> assignedTo,
        Patch<@Min(value = 0, message = SCORE) @Max(value = 100, message = SCORE) Integer> leadScore,
        Patch<Boolean> emailOptOut,
        Patch<Boolean> emailBounced,
        @FreeText Patch<@Size(max = 10_000, message = AT_MOST) String> notes)
        implements RecordRequest, NameRequired.Named {

    private static final String SCORE = "must be a whole number from 0 to 100";

    @Override
    public CreateLead create(String id) {
        return new CreateLead(id, firstName.value(), lastName.value(), email.value(), phone.value(), company.value(),
                status.value(), source.value(), assignedTo.value(), leadScore.value(),
                Boolean.TRUE.equals(emailOptOut.value()), Boolean.TRUE.equals(emailBounced.value()), notes.value());
    }

    @Override
    public UpdateLead update(String id, Long expectedVersion) {
        return new UpdateLead(id, expectedVersion, firstName, lastName, email.value(), phone, company, status.value(),
                source, assignedTo, leadScore, emailOptOut.value(), emailBounced.value(), notes);
    }
}
