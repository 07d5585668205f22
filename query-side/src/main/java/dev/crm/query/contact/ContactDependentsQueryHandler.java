package dev.crm.query.contact;

import dev.crm.api.contact.ContactDependents;
import dev.crm.api.contact.ContactQueries.FindContactDependents;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What belongs to a contact, for its deletion. Asked inside the deleting command's transaction, where the
 * read models are exactly as current as the event store (subscribing projections).
 */
@Component
class ContactDependentsQueryHandler {

    private final JdbcTemplate jdbc;

    ContactDependentsQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    ContactDependents find(FindContactDependents query) {
        return new ContactDependents(
                ids("SELECT id FROM read_model.note WHERE contact_id = ? ORDER BY id", query.contactId()),
                ids("SELECT id FROM read_model.task WHERE contact_id = ? ORDER BY id", query.contactId()),
                ids("SELECT id FROM read_model.opportunity WHERE contact_id = ? ORDER BY id", query.contactId()));
    }

    private List<String> ids(String sql, String contactId) {
        return jdbc.queryForList(sql, String.class, contactId);
    }
}
