package dev.crm.api.contact;

/** The stages of the contacts seed; they travel as their lower-case value. */
public enum ContactStage {
    NEW("new"),
    CONTACTED("contacted"),
    ENGAGED("engaged"),
    PROPOSAL_SENT("proposal_sent"),
    NEGOTIATION("negotiation"),
    CUSTOMER("customer"),
    INACTIVE("inactive");

    private final String value;

    ContactStage(String value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return value;
    }
}
