package dev.crm.app.axon;

import dev.crm.app.privacy.SealsInBatches;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Axon's JDBC event storage, except that the events a transaction appends are sent together, as one
 * batch (one multi-row {@code INSERT}), just before it commits, rather than one statement per command. A
 * transaction that commits several commands at once ({@code GroupCommit}) then appends all their events in
 * one round trip. A read of a record's events through this engine first sends what is held if any of it is
 * that record's, so a command that loads a record written earlier in the same transaction sees it; reads of
 * the event table by other means within a writing transaction would not, and there are none. A duplicate {@code (aggregate,
 * sequence)} still fails the commit as Axon's {@code ConcurrencyException}, which is retried as before.
 * A serializer that {@link SealsInBatches} (the one encrypting personal data) sees the batch as a whole.
 */
class BatchingEventStorageEngine extends JdbcEventStorageEngine {

    BatchingEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            super.appendEvents(events, serializer);
            return;
        }
        Held held = (Held) TransactionSynchronizationManager.getResource(this);
        if (held == null) {
            held = new Held(serializer);
            TransactionSynchronizationManager.bindResource(this, held);
            TransactionSynchronizationManager.registerSynchronization(new Append());
        }
        held.events.addAll(events);
    }

    /** Appends the events held in the current transaction, if any. */
    private void appendHeld() {
        Held held = held();
        if (held != null && !held.events.isEmpty()) {
            List<EventMessage<?>> events = List.copyOf(held.events);
            held.events.clear();
            if (held.serializer instanceof SealsInBatches sealer) {
                sealer.sealing(events, () -> super.appendEvents(events, held.serializer));
            } else {
                super.appendEvents(events, held.serializer);
            }
        }
    }

    /**
     * Appends the held events before a read of one record, if any of them is that record's: reading another
     * record needs none of them, and they can go on waiting for the commit.
     */
    private void appendHeldOf(String aggregateIdentifier) {
        Held held = held();
        if (held != null && held.events.stream().anyMatch(event -> event instanceof DomainEventMessage<?> domain
                && aggregateIdentifier.equals(domain.getAggregateIdentifier()))) {
            appendHeld();
        }
    }

    private Held held() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                ? (Held) TransactionSynchronizationManager.getResource(this) : null;
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        appendHeldOf(aggregateIdentifier);
        return super.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        appendHeld();
        return super.readEvents(trackingToken, mayBlock);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        appendHeldOf(aggregateIdentifier);
        return super.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        appendHeldOf(aggregateIdentifier);
        return super.lastSequenceNumberFor(aggregateIdentifier);
    }

    private static final class Held {

        private final Serializer serializer;
        private final List<EventMessage<?>> events = new ArrayList<>();

        Held(Serializer serializer) {
            this.serializer = serializer;
        }
    }

    private final class Append implements TransactionSynchronization {

        @Override
        public void beforeCommit(boolean readOnly) {
            appendHeld();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(BatchingEventStorageEngine.this);
        }
    }
}
