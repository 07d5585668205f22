package dev.crm.api.contact;

import dev.crm.api.common.FindRecord;
import dev.crm.api.common.PageQuery;

import java.time.Instant;
import java.util.List;

/** What can be asked of the contact read model. */
public sealed interface ContactQueries {

    /** Answers an {@code Optional<Versioned<ContactView>>}. */
    record FindContact(String contactId) implements ContactQueries, FindRecord {

        @Override
        public String id() {
            return contactId;
        }

        @Override
        public FindContacts forAll(List<String> ids) {
            return new FindContacts(ids);
        }
    }

    /** Answers the {@code FoundRecords} of the contacts that exist, {@code Versioned<ContactView>} by id. */
    record FindContacts(List<String> contactIds) implements ContactQueries {
    }

    /** Answers the {@link ContactDependents} of a contact. */
    record FindContactDependents(String contactId) implements ContactQueries {
    }

    /** Answers a {@code Page<ContactView>}; {@code null} filters do not filter. */
    record ListContacts(ContactStage stage, String assignedTo, String search, Instant createdAfter,
                        Instant createdBefore, List<String> tags, PageQuery page) implements ContactQueries {
    }
}
