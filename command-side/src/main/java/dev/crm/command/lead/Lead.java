package dev.crm.command.lead;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.crm.api.common.ConflictException;
import dev.crm.api.common.FieldError;
import dev.crm.api.lead.LeadCommands.CreateLead;
import dev.crm.api.lead.LeadCommands.DeleteLead;
import dev.crm.api.lead.LeadCommands.LeadDetails;
import dev.crm.api.lead.LeadCommands.MarkLeadConverted;
import dev.crm.api.lead.LeadCommands.UpdateLead;
import dev.crm.api.lead.LeadEvents.LeadAssigned;
import dev.crm.api.lead.LeadEvents.LeadConverted;
import dev.crm.api.lead.LeadEvents.LeadCreated;
import dev.crm.api.lead.LeadEvents.LeadDeleted;
import dev.crm.api.lead.LeadEvents.LeadDetailsCorrected;
import dev.crm.api.lead.LeadEvents.LeadEmailStatusChanged;
import dev.crm.api.lead.LeadEvents.LeadScored;
import dev.crm.api.lead.LeadEvents.LeadStatusChanged;
import dev.crm.api.lead.LeadStatus;
import dev.crm.command.common.PersonRules;
import dev.crm.command.common.Snapshots;
import dev.crm.command.common.Versions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Objects;

import static dev.crm.command.common.Values.changed;
import static dev.crm.command.common.Values.orNull;
import static dev.crm.command.common.Values.patch;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A prospect not yet qualified as a contact. Status {@code converted} is reached only by conversion, and
 * a converted lead is read-only: it is the record of where a contact came from.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Lead {

    static final String CONVERTED_ONLY_BY_CONVERSION =
            "a lead becomes converted only through POST /api/leads/{id}/convert/";

    @AggregateIdentifier
    private String leadId;
    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private String company;
    private LeadStatus status;
    private String source;
    private String assignedTo;
    private Integer leadScore;
    private boolean emailOptOut;
    private boolean emailBounced;
    private String notes;

    Lead() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Lead(CreateLead command) {
        String first = orNull(command.firstName());
        String last = orNull(command.lastName());
        requireInvariants(first, last, orNull(command.email()), command.status());
        apply(new LeadCreated(command.leadId(), first, last, command.email(), orNull(command.phone()),
                orNull(command.company()), Objects.requireNonNullElse(command.status(), LeadStatus.NEW),
                orNull(command.source()), orNull(command.assignedTo()), command.leadScore(),
                command.emailOptOut(), command.emailBounced(), orNull(command.notes())));
    }

    @CommandHandler
    void handle(UpdateLead command) {
        Versions.check(command.expectedVersion());
        requireNotConverted();
        String first = command.firstName().applyTo(firstName);
        String last = command.lastName().applyTo(lastName);
        String newEmail = patch(email, command.email());
        requireInvariants(first, last, newEmail, command.status());

        String newPhone = command.phone().applyTo(phone);
        String newCompany = command.company().applyTo(company);
        String newSource = command.source().applyTo(source);
        String newNotes = command.notes().applyTo(notes);
        if (changed(firstName, first) || changed(lastName, last) || changed(email, newEmail)
                || changed(phone, newPhone) || changed(company, newCompany) || changed(source, newSource)
                || changed(notes, newNotes)) {
            apply(new LeadDetailsCorrected(leadId, first, last, newEmail, newPhone, newCompany, newSource, newNotes));
        }
        LeadStatus newStatus = patch(status, command.status());
        if (newStatus != status) {
            apply(new LeadStatusChanged(leadId, status, newStatus));
        }
        String newAssignee = command.assignedTo().applyTo(assignedTo);
        if (changed(assignedTo, newAssignee)) {
            apply(new LeadAssigned(leadId, newAssignee));
        }
        Integer newScore = command.leadScore().applyTo(leadScore);
        if (changed(leadScore, newScore)) {
            apply(new LeadScored(leadId, newScore));
        }
        boolean optOut = patch(emailOptOut, command.emailOptOut());
        boolean bounced = patch(emailBounced, command.emailBounced());
        if (optOut != emailOptOut || bounced != emailBounced) {
            apply(new LeadEmailStatusChanged(leadId, optOut, bounced));
        }
    }

    @CommandHandler
    void handle(DeleteLead command) {
        Versions.check(command.expectedVersion());
        apply(new LeadDeleted(leadId));
    }

    /** The lead's part of a conversion; the records it becomes are created by {@link LeadConversionHandler}. */
    @CommandHandler
    LeadDetails handle(MarkLeadConverted command) {
        if (status == LeadStatus.CONVERTED) {
            throw new ConflictException("the lead is already converted");
        }
        LeadDetails details = new LeadDetails(firstName, lastName, email, phone, company, assignedTo, emailOptOut,
                emailBounced, notes);
        apply(new LeadConverted(leadId, status, command.contactId(), command.accountId(), command.opportunityId()));
        return details;
    }

    private void requireNotConverted() {
        if (status == LeadStatus.CONVERTED) {
            throw new ConflictException("a converted lead is read-only");
        }
    }

    /** Whether a create or an update may set the status: {@code converted} is reached only by conversion. */
    static boolean isWritable(LeadStatus status) {
        return status != LeadStatus.CONVERTED;
    }

    private static void requireInvariants(String first, String last, String email, LeadStatus requestedStatus) {
        List<FieldError> errors = PersonRules.broken(first, last, email);
        if (!isWritable(requestedStatus)) {
            errors.add(new FieldError("status", CONVERTED_ONLY_BY_CONVERSION));
        }
        PersonRules.throwIfAny(errors);
    }

    @EventSourcingHandler
    void on(LeadCreated event) {
        leadId = event.leadId();
        firstName = event.firstName();
        lastName = event.lastName();
        email = event.email();
        phone = event.phone();
        company = event.company();
        status = event.status();
        source = event.source();
        assignedTo = event.assignedTo();
        leadScore = event.leadScore();
        emailOptOut = event.emailOptOut();
        emailBounced = event.emailBounced();
        notes = event.notes();
    }

    @EventSourcingHandler
    void on(LeadDetailsCorrected event) {
        firstName = event.firstName();
        lastName = event.lastName();
        email = event.email();
        phone = event.phone();
        company = event.company();
        source = event.source();
        notes = event.notes();
    }

    @EventSourcingHandler
    void on(LeadStatusChanged event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(LeadAssigned event) {
        assignedTo = event.assignedTo();
    }

    @EventSourcingHandler
    void on(LeadScored event) {
        leadScore = event.leadScore();
    }

    @EventSourcingHandler
    void on(LeadEmailStatusChanged event) {
        emailOptOut = event.emailOptOut();
        emailBounced = event.emailBounced();
    }

    @EventSourcingHandler
    void on(LeadConverted event) {
        status = LeadStatus.CONVERTED;
    }

    @EventSourcingHandler
    void on(LeadDeleted event) {
        markDeleted();
    }
}
