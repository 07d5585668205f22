package dev.crm.api.lead;

/** The statuses of the leads reference; {@code converted} is reached only through conversion. */
public enum LeadStatus {
    NEW("new"),
    CONTACTED("contacted"),
    QUALIFIED("qualified"),
    NURTURING("nurturing"),
    UNQUALIFIED("unqualified"),
    CONVERTED("converted"),
    LOST("lost");

    private final String value;

    LeadStatus(String value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return value;
    }
}
