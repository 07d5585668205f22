package dev.crm.command.opportunity;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.crm.api.common.FieldError;
import dev.crm.api.common.InvalidRequestException;
import dev.crm.api.opportunity.OpportunityCommands.CreateOpportunity;
import dev.crm.api.opportunity.OpportunityCommands.DeleteOpportunity;
import dev.crm.api.opportunity.OpportunityCommands.UnlinkOpportunityContact;
import dev.crm.api.opportunity.OpportunityCommands.UpdateOpportunity;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityAccountChanged;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityAssigned;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityContactChanged;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityCreated;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityDeleted;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityDetailsCorrected;
import dev.crm.api.opportunity.OpportunityEvents.OpportunityStageChanged;
import dev.crm.api.opportunity.OpportunityStage;
import dev.crm.command.common.Snapshots;
import dev.crm.command.common.Values;
import dev.crm.command.common.Versions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.crm.command.common.Values.changed;
import static dev.crm.command.common.Values.isBlank;
import static dev.crm.command.common.Values.orNull;
import static dev.crm.command.common.Values.patch;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A possible deal. An update emits one event per aspect that really changed (details, stage, owner,
 * account, contact) and nothing when nothing changed. Amounts are kept in one spelling
 * ({@link Values#amount}), so {@code 12000} and {@code 12000.00} are the same value and no change.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Opportunity {

    private static final String DEFAULT_CURRENCY = "USD";

    @AggregateIdentifier
    private String opportunityId;
    private String name;
    private BigDecimal value;
    private String currency;
    private OpportunityStage stage;
    private String accountId;
    private String contactId;
    private String assignedTo;
    private LocalDate closeDate;

    Opportunity() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Opportunity(CreateOpportunity command) {
        String newName = orNull(command.name());
        BigDecimal newValue = Values.amount(Objects.requireNonNullElse(command.value(), BigDecimal.ZERO));
        String newCurrency = Objects.requireNonNullElse(orNull(command.currency()), DEFAULT_CURRENCY);
        requireInvariants(newName, newValue, newCurrency);
        apply(new OpportunityCreated(command.opportunityId(), newName, newValue, newCurrency,
                Objects.requireNonNullElse(command.stage(), OpportunityStage.QUALIFICATION),
                orNull(command.accountId()), orNull(command.contactId()), orNull(command.assignedTo()),
                command.closeDate()));
    }

    @CommandHandler
    void handle(UpdateOpportunity command) {
        Versions.check(command.expectedVersion());
        String newName = patch(name, command.name());
        BigDecimal newValue = command.value() == null ? value : Values.amount(command.value());
        String newCurrency = patch(currency, command.currency());
        LocalDate newCloseDate = command.closeDate().applyTo(closeDate);
        requireInvariants(newName, newValue, newCurrency);

        if (changed(name, newName) || changed(value, newValue) || changed(currency, newCurrency)
                || changed(closeDate, newCloseDate)) {
            apply(new OpportunityDetailsCorrected(opportunityId, newName, newValue, newCurrency, newCloseDate));
        }
        OpportunityStage newStage = patch(stage, command.stage());
        if (newStage != stage) {
            apply(new OpportunityStageChanged(opportunityId, stage, newStage));
        }
        String newAssignee = command.assignedTo().applyTo(assignedTo);
        if (changed(assignedTo, newAssignee)) {
            apply(new OpportunityAssigned(opportunityId, newAssignee));
        }
        String newAccount = command.accountId().applyTo(accountId);
        if (changed(accountId, newAccount)) {
            apply(new OpportunityAccountChanged(opportunityId, newAccount));
        }
        String newContact = command.contactId().applyTo(contactId);
        if (changed(contactId, newContact)) {
            apply(new OpportunityContactChanged(opportunityId, newContact));
        }
    }

    @CommandHandler
    void handle(UnlinkOpportunityContact command) {
        if (contactId != null) {
            apply(new OpportunityContactChanged(opportunityId, null));
        }
    }

    @CommandHandler
    void handle(DeleteOpportunity command) {
        Versions.check(command.expectedVersion());
        apply(new OpportunityDeleted(opportunityId));
    }

    private static void requireInvariants(String name, BigDecimal value, String currency) {
        List<FieldError> errors = new ArrayList<>();
        if (isBlank(name)) {
            errors.add(new FieldError("name", "is required"));
        }
        if (value.signum() < 0) {
            errors.add(new FieldError("value", "must be at least 0"));
        }
        if (!Values.isCurrency(currency)) {
            errors.add(new FieldError("currency", "must be an ISO 4217 currency code in upper case, such as USD"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    @EventSourcingHandler
    void on(OpportunityCreated event) {
        opportunityId = event.opportunityId();
        name = event.name();
        value = event.value();
        currency = event.currency();
        stage = event.stage();
        accountId = event.accountId();
        contactId = event.contactId();
        assignedTo = event.assignedTo();
        closeDate = event.closeDate();
    }

    @EventSourcingHandler
    void on(OpportunityDetailsCorrected event) {
        name = event.name();
        value = event.value();
        currency = event.currency();
        closeDate = event.closeDate();
    }

    @EventSourcingHandler
    void on(OpportunityStageChanged event) {
        stage = event.stage();
    }

    @EventSourcingHandler
    void on(OpportunityAssigned event) {
        assignedTo = event.assignedTo();
    }

    @EventSourcingHandler
    void on(OpportunityAccountChanged event) {
        accountId = event.accountId();
    }

    @EventSourcingHandler
    void on(OpportunityContactChanged event) {
        contactId = event.contactId();
    }

    @EventSourcingHandler
    void on(OpportunityDeleted event) {
        markDeleted();
    }
}
