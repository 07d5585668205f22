package dev.crm.api.opportunity;

/** The stages of an opportunity; the two {@code closed_*} stages end it, the others are open. */
public enum OpportunityStage {
    QUALIFICATION("qualification"),
    NEEDS_ANALYSIS("needs_analysis"),
    PROPOSAL("proposal"),
    NEGOTIATION("negotiation"),
    CLOSED_WON("closed_won"),
    CLOSED_LOST("closed_lost");

    private final String value;

    OpportunityStage(String value) {
        this.value = value;
    }

    public boolean isOpen() {
        return this != CLOSED_WON && this != CLOSED_LOST;
    }

    @Override
    public String toString() {
        return value;
    }
}
