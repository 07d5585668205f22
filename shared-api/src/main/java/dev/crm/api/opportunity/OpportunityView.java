package dev.crm.api.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An opportunity as the API shows it. */
public record OpportunityView(String id, String name, BigDecimal value, String currency, OpportunityStage stage,
                              String accountId, String accountName, String contactId, String assignedTo,
                              String assignedToName, LocalDate closeDate, Instant createdAt, Instant updatedAt) {
}
