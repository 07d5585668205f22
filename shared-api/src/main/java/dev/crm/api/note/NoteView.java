package dev.crm.api.note;

import java.time.Instant;

/** A note as the API shows it; {@code authorId} is the user whose token wrote it. */
public record NoteView(String id, String contactId, String body, String authorId, Instant createdAt,
                       Instant updatedAt) {
}
