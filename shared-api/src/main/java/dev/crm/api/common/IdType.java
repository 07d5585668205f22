package dev.crm.api.common;

import com.github.f4b6a3.ulid.UlidCreator;

import java.util.regex.Pattern;

/**
 * The kinds of record the CRM knows, each with the prefix its ids carry.
 * An id is the prefix plus a ULID, e.g. {@code cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V}.
 */
public enum IdType {
    USER("usr_", "user"),
    CONTACT("cnt_", "contact"),
    LEAD("ld_", "lead"),
    ACCOUNT("acc_", "account"),
    OPPORTUNITY("opp_", "opportunity"),
    NOTE("note_", "note"),
    TASK("tsk_", "task"),
    TOKEN("tok_", "token"),
    EVENT("evt_", "event");

    private static final String ULID = "[0-9A-HJKMNP-TV-Z]{26}";

    private final String prefix;
    private final String entityType;
    private final Pattern pattern;

    IdType(String prefix, String entityType) {
        this.prefix = prefix;
        this.entityType = entityType;
        this.pattern = Pattern.compile(Pattern.quote(prefix) + ULID);
    }

    public String prefix() {
        return prefix;
    }

    /** The name used for this kind of record in event types and the audit log, e.g. {@code contact}. */
    public String entityType() {
        return entityType;
    }

    /** A new, time-ordered id of this type. */
    public String newId() {
        return prefix + UlidCreator.getMonotonicUlid();
    }

    /** Answers 404 for an id that is not of this type's shape: no record of this type can have it. */
    public String requireMatch(String id) {
        if (!matches(id)) {
            throw new NotFoundException("no " + entityType + " with id " + id);
        }
        return id;
    }

    /** Whether {@code id} has this type's prefix and a well-formed ULID (upper case, as issued). */
    public boolean matches(String id) {
        return id != null && pattern.matcher(id).matches();
    }
}
