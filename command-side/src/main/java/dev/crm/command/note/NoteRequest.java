package dev.crm.command.note;

import dev.crm.api.common.Patch;
import dev.crm.command.web.FreeText;
import dev.crm.command.web.OnCreate;
import dev.crm.command.web.OnUpdate;
import dev.crm.command.web.WriteRequest;
import dev.crm.command.web.constraints.NotCleared;
import dev.crm.command.web.constraints.Required;
import jakarta.validation.constraints.Size;

import static dev.crm.command.web.constraints.Shapes.AT_MOST;

/** The body of {@code POST /api/contacts/{id}/notes/} and of {@code PATCH /api/notes/{id}/}: the text, as sent. */
@WriteRequest(readOnly = {"id", "contactId", "authorId", "createdAt", "updatedAt"})
record NoteRequest(
        @FreeText @Required(groups = OnCreate.class) @NotCleared(groups = OnUpdate.class)
        Patch<@Size(max = 10_000, message = AT_MOST) String> body) {
}
