package dev.crm.api.user;

/**
 * {@code admin} may do everything, {@code member} reads and writes CRM records, {@code auditor} reads
 * everything (the audit log included) and writes nothing.
 */
public enum Role {
    ADMIN("admin"),
    MEMBER("member"),
    AUDITOR("auditor");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return value;
    }
}
