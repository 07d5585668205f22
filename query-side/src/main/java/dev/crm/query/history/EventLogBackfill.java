package dev.crm.query.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills an empty event log from the event store, once, at start-up: the event log is a subscribing projection
 * and only sees events appended while it exists, so a store that had events before it (an upgrade, or a
 * dropped event log being rebuilt) is copied in here, in commit order, before Axon and the web server start
 * and any new event can arrive. All or nothing: a failure leaves the log empty for the next start to retry.
 */
@Component("eventLogBackfill")
class EventLogBackfill implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(EventLogBackfill.class);

    private final EventLogProjection projection;
    private final EventStorageEngine storage;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    EventLogBackfill(EventLogProjection projection, EventStorageEngine storage, JdbcTemplate jdbc,
                     PlatformTransactionManager transactions) {
        this.projection = projection;
        this.storage = storage;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        boolean logEmpty = jdbc.queryForList("SELECT 1 FROM read_model.event_log_record LIMIT 1").isEmpty();
        boolean storeEmpty = jdbc.queryForList("SELECT 1 FROM event_store.domain_event_entry LIMIT 1").isEmpty();
        if (!logEmpty || storeEmpty) {
            return;
        }
        AtomicLong copied = new AtomicLong();
        transaction.executeWithoutResult(status -> {
            try (var events = storage.readEvents(null, false)) {
                events.filter(DomainEventMessage.class::isInstance).forEach(event -> {
                    projection.on(event.getPayload(), (DomainEventMessage<?>) event);
                    copied.incrementAndGet();
                });
            }
        });
        LOG.info("Copied {} events from the event store into the empty event log", copied.get());
    }
}
