package dev.crm.command.erasure;

import dev.crm.api.common.IdType;
import dev.crm.api.common.NotFoundException;
import dev.crm.api.contact.ContactCommands.DeleteContact;
import dev.crm.api.contact.ContactCommands.EraseContact;
import dev.crm.api.contact.ContactEvents.ContactErased;
import dev.crm.api.lead.LeadCommands.DeleteLead;
import dev.crm.api.lead.LeadCommands.EraseLead;
import dev.crm.api.lead.LeadEvents.LeadErased;
import dev.crm.api.privacy.Persons;
import dev.crm.command.directory.OtherRecords;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Erases a person: each of their contacts and leads (a contact and the lead it was converted from) is
 * deleted as a {@code DELETE} would, notes and tasks with it, unless it already was; each gets its erasure
 * event; then the person's key is destroyed ({@link Persons#erase}). One transaction; a person already erased
 * is left as is.
 * <p>
 * The erasure events are appended to the records' streams directly, not applied by their aggregates: a
 * deleted record's aggregate cannot be loaded any more, and erasure must reach deleted records too.
 */
@Component
class ErasureHandler {

    private final EventStore events;
    private final Persons persons;

    ErasureHandler(EventStore events, Persons persons) {
        this.events = events;
        this.persons = persons;
    }

    @CommandHandler
    void handle(EraseContact command, CommandGateway commands, OtherRecords records) {
        erase(IdType.CONTACT, command.contactId(), commands, records);
    }

    @CommandHandler
    void handle(EraseLead command, CommandGateway commands, OtherRecords records) {
        erase(IdType.LEAD, command.leadId(), commands, records);
    }

    private void erase(IdType type, String id, CommandGateway commands, OtherRecords records) {
        if (!type.matches(id) || events.lastSequenceNumberFor(id).isEmpty()) {
            throw new NotFoundException("no " + type.entityType() + " with id " + id);
        }
        if (persons.isErased(id)) {
            return;
        }
        List<String> pair = persons.recordsOf(id).stream()
                .filter(record -> IdType.CONTACT.matches(record) || IdType.LEAD.matches(record)).toList();
        for (String record : pair) {
            boolean contact = IdType.CONTACT.matches(record);
            if (records.exists(record)) {
                commands.sendAndWait(contact ? new DeleteContact(record, null) : new DeleteLead(record, null));
            }
            append(record, contact ? "Contact" : "Lead", contact ? new ContactErased(record) : new LeadErased(record));
        }
        persons.erase(id);
    }

    /** Appends {@code payload} as the record's next event, with the command's actor and request id. */
    private void append(String recordId, String aggregateType, Object payload) {
        Optional<Long> last = events.lastSequenceNumberFor(recordId);
        MetaData origin = CurrentUnitOfWork.isStarted()
                ? MetaData.from(CurrentUnitOfWork.get().getCorrelationData()) : MetaData.emptyInstance();
        events.publish(new GenericDomainEventMessage<>(aggregateType, recordId, last.map(n -> n + 1).orElse(0L),
                payload, origin));
    }
}
