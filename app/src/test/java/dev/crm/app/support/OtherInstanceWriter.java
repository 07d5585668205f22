package dev.crm.app.support;

import dev.crm.api.contact.ContactCommands.UpdateContact;
import dev.crm.api.contact.ContactEvents.ContactTagsChanged;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays a second server instance that wins a race: for an update whose title is {@link #RACE_TITLE}, after
 * this instance has loaded the contact and before it appends its event, it appends a
 * {@code ContactTagsChanged} with the same next sequence number through its own connection, as another
 * instance would. Once per contact, so the retry that follows runs undisturbed.
 */
@TestComponent
public class OtherInstanceWriter implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String RACE_TITLE = "lost a race to another instance";
    public static final String OTHER_ACTOR = "usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EventStorageEngine storage;
    private final EventProcessingConfiguration processing;
    private final Set<String> raced = ConcurrentHashMap.newKeySet();

    OtherInstanceWriter(JdbcTemplate jdbc, PlatformTransactionManager transactions, EventStorageEngine storage,
                        @Lazy EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.storage = storage;
        this.processing = processing;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof UpdateContact update
                && RACE_TITLE.equals(update.title().value()) && raced.add(update.contactId())) {
            unitOfWork.onPrepareCommit(u -> appendAsAnotherInstance(update.contactId()));
        }
        return chain.proceed();
    }

    /**
     * What another instance's write does: in one transaction of its own, append the event and let its
     * subscribing projections (the contact read model and the event log) handle it, so that the read models
     * stay what a rebuild from the store gives. On a thread of its own: this one is inside its own transaction.
     */
    private void appendAsAnotherInstance(String contactId) {
        CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            long next = jdbc.queryForObject("SELECT max(sequence_number) + 1 FROM event_store.domain_event_entry"
                    + " WHERE aggregate_identifier = ?", Long.class, contactId);
            DomainEventMessage<ContactTagsChanged> event = new GenericDomainEventMessage<>("Contact", contactId,
                    next, new ContactTagsChanged(contactId, List.of("raced")),
                    MetaData.with("actorId", OTHER_ACTOR).and("actorName", "Other instance"));
            storage.appendEvents(event);
            for (String group : List.of("contacts", "event-log")) {
                EventProcessor processor = processing.eventProcessor(group).orElseThrow();
                try {
                    ((AbstractEventProcessor) processor).eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        })).join();
    }
}
