package dev.crm.app.openapi;

import dev.crm.api.common.IdType;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The API's resources as their paths name them, with the nouns operation ids are made of ({@code listContacts},
 * {@code getContact}) and the tag that groups their operations in the document.
 */
enum Resource {
    CONTACTS("contacts", "Contact", "Contacts", Tags.CONTACTS, IdType.CONTACT),
    LEADS("leads", "Lead", "Leads", Tags.LEADS, IdType.LEAD),
    ACCOUNTS("accounts", "Account", "Accounts", Tags.ACCOUNTS, IdType.ACCOUNT),
    OPPORTUNITIES("opportunities", "Opportunity", "Opportunities", Tags.OPPORTUNITIES, IdType.OPPORTUNITY),
    TASKS("tasks", "Task", "Tasks", Tags.TASKS, IdType.TASK),
    NOTES("notes", "Note", "Notes", Tags.NOTES, IdType.NOTE),
    USERS("users", "User", "Users", Tags.USERS, IdType.USER),
    AUDIT_LOG("audit-log", "AuditLog", "AuditLog", Tags.AUDIT, null),
    AUDIT("audit", "Audit", "Audit", Tags.AUDIT, null),
    EVENTS("events", "Event", "Events", Tags.AUDIT, null),
    REPORTS("reports", "Report", "Reports", Tags.REPORTS, null),
    PROJECTIONS("projections", "Projection", "Projections", Tags.ADMIN, null);

    private final String segment;
    private final String singular;
    private final String plural;
    private final String tag;
    private final IdType ids;

    /** @param ids the type of the resource's ids; {@code null} for those that are no records */
    Resource(String segment, String singular, String plural, String tag, IdType ids) {
        this.segment = segment;
        this.singular = singular;
        this.plural = plural;
        this.tag = tag;
        this.ids = ids;
    }

    /** The resource a path segment names ({@code contacts}), if any. */
    static Optional<Resource> named(String segment) {
        return Arrays.stream(values()).filter(r -> r.segment.equals(segment)).findFirst();
    }

    String singular() {
        return singular;
    }

    String plural() {
        return plural;
    }

    String tag() {
        return tag;
    }

    IdType ids() {
        return ids;
    }

    /** The singular in words, with its article: {@code a contact}, {@code an opportunity}. */
    String one() {
        return Schemas.withArticle(words(singular));
    }

    /** The plural in words: {@code contacts}, {@code audit log}. */
    String many() {
        return words(plural);
    }

    /** {@code AuditLog} as {@code audit log}, {@code issueToken} as {@code issue token}. */
    static String words(String camelCase) {
        return camelCase.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** The tags of the document, in the order Swagger UI shows them. */
    static final class Tags {
        static final String CONTACTS = "Contacts";
        static final String LEADS = "Leads";
        static final String ACCOUNTS = "Accounts";
        static final String OPPORTUNITIES = "Opportunities";
        static final String TASKS = "Tasks";
        static final String NOTES = "Notes";
        static final String USERS = "Users";
        static final String AUDIT = "Audit";
        static final String REPORTS = "Reports";
        static final String ADMIN = "Admin";

        private Tags() {
        }
    }
}
