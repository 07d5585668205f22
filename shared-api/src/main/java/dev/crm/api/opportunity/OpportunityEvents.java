package dev.crm.api.opportunity;

import dev.crm.api.common.DeletionEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What happened to opportunities. A permanent contract: never change or remove a field of an event that
 * has landed; evolve it with an upcaster.
 */
public sealed interface OpportunityEvents {

    String opportunityId();

    record OpportunityCreated(String opportunityId, String name, BigDecimal value, String currency,
                              OpportunityStage stage, String accountId, String contactId, String assignedTo,
                              LocalDate closeDate) implements OpportunityEvents {
    }

    /** A correction of the plain details; carries all of them as they are afterwards. */
    record OpportunityDetailsCorrected(String opportunityId, String name, BigDecimal value, String currency,
                                       LocalDate closeDate) implements OpportunityEvents {
    }

    record OpportunityStageChanged(String opportunityId, OpportunityStage previousStage, OpportunityStage stage)
            implements OpportunityEvents {
    }

    /** {@code assignedTo} is {@code null} when the opportunity was unassigned. */
    record OpportunityAssigned(String opportunityId, String assignedTo) implements OpportunityEvents {
    }

    /** {@code accountId} is {@code null} when the opportunity was unlinked from its account. */
    record OpportunityAccountChanged(String opportunityId, String accountId) implements OpportunityEvents {
    }

    /** {@code contactId} is {@code null} when the opportunity was unlinked from its contact. */
    record OpportunityContactChanged(String opportunityId, String contactId) implements OpportunityEvents {
    }

    record OpportunityDeleted(String opportunityId) implements OpportunityEvents, DeletionEvent {
    }
}
