package dev.crm.api.contact;

import dev.crm.api.common.PageQuery;

import java.time.Instant;
import java.util.List;

/** What can be asked of the contact read model. */
public sealed interface ContactQueries {

    /** Answers the {@link ContactDependents} of a contact. */
    record FindContactDependents(String contactId) implements ContactQueries {
    }

    /** Answers a {@code Page<ContactView>}; {@code null} filters do not filter. */
    record ListContacts(ContactStage stage, String assignedTo, String search, Instant createdAfter,
                        Instant createdBefore, List<String> tags, PageQuery page) implements ContactQueries {
    }
}
