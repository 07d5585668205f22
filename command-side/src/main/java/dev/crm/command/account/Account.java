package dev.crm.command.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.crm.api.account.AccountCommands.CreateAccount;
import dev.crm.api.account.AccountCommands.DeleteAccount;
import dev.crm.api.account.AccountCommands.UpdateAccount;
import dev.crm.api.account.AccountEvents.AccountAssigned;
import dev.crm.api.account.AccountEvents.AccountCreated;
import dev.crm.api.account.AccountEvents.AccountDeleted;
import dev.crm.api.account.AccountEvents.AccountDetailsCorrected;
import dev.crm.api.account.AccountEvents.AccountTagsChanged;
import dev.crm.api.account.AccountQueries.AccountDependents;
import dev.crm.api.common.ConflictException;
import dev.crm.api.common.InvalidRequestException;
import dev.crm.command.common.Snapshots;
import dev.crm.command.common.Versions;
import dev.crm.command.directory.OtherRecords;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static dev.crm.command.common.Values.changed;
import static dev.crm.command.common.Values.isBlank;
import static dev.crm.command.common.Values.orNull;
import static dev.crm.command.common.Values.patch;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A company the team deals with. An update emits one event per aspect that really changed (details, owner,
 * tags) and nothing when nothing changed. It may only be deleted once nothing belongs to it any more.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Account {

    @AggregateIdentifier
    private String accountId;
    private String name;
    private String domain;
    private String industry;
    private String phone;
    private String notes;
    private String assignedTo;
    private List<String> tags;

    Account() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Account(CreateAccount command) {
        String newName = orNull(command.name());
        requireName(newName);
        apply(new AccountCreated(command.accountId(), newName, orNull(command.domain()), orNull(command.industry()),
                orNull(command.phone()), orNull(command.assignedTo()),
                command.tags() == null ? List.of() : command.tags(), orNull(command.notes())));
    }

    @CommandHandler
    void handle(UpdateAccount command) {
        Versions.check(command.expectedVersion());
        String newName = patch(name, command.name());
        String newDomain = command.domain().applyTo(domain);
        String newIndustry = command.industry().applyTo(industry);
        String newPhone = command.phone().applyTo(phone);
        String newNotes = command.notes().applyTo(notes);
        requireName(newName);

        if (changed(name, newName) || changed(domain, newDomain) || changed(industry, newIndustry)
                || changed(phone, newPhone) || changed(notes, newNotes)) {
            apply(new AccountDetailsCorrected(accountId, newName, newDomain, newIndustry, newPhone, newNotes));
        }
        String newAssignee = command.assignedTo().applyTo(assignedTo);
        if (changed(assignedTo, newAssignee)) {
            apply(new AccountAssigned(accountId, newAssignee));
        }
        List<String> newTags = command.tags().clearedAs(List.of()).applyTo(tags);
        if (changed(tags, newTags)) {
            apply(new AccountTagsChanged(accountId, newTags));
        }
    }

    /**
     * Contacts and open opportunities point at their account; deleting it under them would leave them
     * pointing at nothing, so the deletion waits until they are moved, deleted or (opportunities) closed.
     */
    @CommandHandler
    void handle(DeleteAccount command, OtherRecords records) {
        Versions.check(command.expectedVersion());
        AccountDependents still = records.dependentsOfAccount(accountId);
        if (still.contacts() > 0 || still.openOpportunities() > 0) {
            throw new ConflictException("The account still has " + still.contacts() + " contact(s) and "
                    + still.openOpportunities() + " open opportunity(ies); move, delete or close them first.");
        }
        apply(new AccountDeleted(accountId));
    }

    private static void requireName(String name) {
        if (isBlank(name)) {
            throw new InvalidRequestException("name", "is required");
        }
    }

    @EventSourcingHandler
    void on(AccountCreated event) {
        accountId = event.accountId();
        name = event.name();
        domain = event.domain();
        industry = event.industry();
        phone = event.phone();
        notes = event.notes();
        assignedTo = event.assignedTo();
        tags = event.tags();
    }

    @EventSourcingHandler
    void on(AccountDetailsCorrected event) {
        name = event.name();
        domain = event.domain();
        industry = event.industry();
        phone = event.phone();
        notes = event.notes();
    }

    @EventSourcingHandler
    void on(AccountAssigned event) {
        assignedTo = event.assignedTo();
    }

    @EventSourcingHandler
    void on(AccountTagsChanged event) {
        tags = event.tags();
    }

    @EventSourcingHandler
    void on(AccountDeleted event) {
        markDeleted();
    }
}
