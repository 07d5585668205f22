package dev.crm.query.admin;

import dev.crm.query.export.EventSequencer;
import dev.crm.query.sql.DeferredWrites;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays stored events through a projection's own handlers, into the shadows: in export-position order, in
 * big batches, one shadow transaction per batch (their writes travel as JDBC batches, see
 * {@link DeferredWrites}). Only the payload types the handlers take are read.
 */
@Component
class HandlerReplay {

    private static final int BATCH = 50_000;
    private static final String COLUMNS = """
            e.type, e.aggregate_identifier, e.sequence_number, e.event_identifier, e.time_stamp, e.payload_type,
            e.payload_revision, e.payload, e.meta_data""";

    private final JdbcTemplate jdbc;
    private final EventSequencer sequencer;
    private final ShadowSchema shadows;
    private final DeferredWrites writes;
    private final Configuration axon;

    HandlerReplay(JdbcTemplate jdbc, EventSequencer sequencer, ShadowSchema shadows, DeferredWrites writes,
                  Configuration axon) {
        this.jdbc = jdbc;
        this.sequencer = sequencer;
        this.shadows = shadows;
        this.writes = writes;
        this.axon = axon;
    }

    /**
     * The declared projections' handlers. Not the processor's invoker, which may dead-letter failures: a
     * handler that fails fails the rebuild (the default error handler would log and skip the event).
     */
    EventHandlerInvoker handlers(ReadModelRebuild.Declaration declaration) {
        return SimpleEventHandlerInvoker.builder()
                .eventHandlers(declaration.projections().stream().map(bean -> new AnnotationEventHandlerAdapter(bean,
                        axon.parameterResolverFactory(), axon.handlerDefinition(bean.getClass()))).toList())
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .build();
    }

    /** How far a catch-up replayed: up to which export position, and how many events. */
    record CatchUp(long position, long replayed) {
    }

    /** Replays every event after {@code position} up to the head, a batch per transaction. */
    CatchUp catchUp(ReadModelRebuild.Declaration declaration, EventHandlerInvoker handlers, long position)
            throws Exception {
        long replayed = 0;
        while (true) {
            sequencer.run();
            long head = jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM event_store.event_position",
                    Long.class);
            List<PositionedEvent> batch = jdbc.query("SELECT p.position, " + COLUMNS + """
                     FROM event_store.event_position p
                     JOIN event_store.domain_event_entry e ON e.global_index = p.global_index
                    WHERE p.position > ? AND p.position <= ? AND (?::boolean OR e.payload_type = ANY (?))
                    ORDER BY p.position LIMIT ?""",
                    PositionedEvent.ROW, position, head, declaration.eventTypes().isEmpty(),
                    declaration.eventTypes().toArray(String[]::new), BATCH);
            if (!batch.isEmpty()) {
                shadows.transaction(TransactionDefinition.ISOLATION_READ_COMMITTED, connection -> {
                    // A crash loses nothing here: an unfinished rebuild is thrown away and started again.
                    jdbc.execute("SET LOCAL synchronous_commit = off");
                    replay(batch, declaration, handlers);
                    return null;
                });
                replayed += batch.size();
                shadows.analyze(declaration.tables(), false);
            }
            if (batch.size() < BATCH) {
                return new CatchUp(head, replayed); // every event up to the head was looked at
            }
            position = batch.get(batch.size() - 1).position();
        }
    }

    /**
     * Replays, in the caller's shadow transaction, every event its snapshot sees that is not yet replayed:
     * those numbered after {@code position}, then those the sequencer has not numbered yet, in commit order.
     */
    void replayTheRest(ReadModelRebuild.Declaration declaration, EventHandlerInvoker handlers, long position)
            throws Exception {
        boolean allTypes = declaration.eventTypes().isEmpty();
        String[] types = declaration.eventTypes().toArray(String[]::new);
        List<PositionedEvent> missing = new ArrayList<>(jdbc.query("SELECT p.position, " + COLUMNS + """
                 FROM event_store.event_position p
                 JOIN event_store.domain_event_entry e ON e.global_index = p.global_index
                WHERE p.position > ? AND (?::boolean OR e.payload_type = ANY (?))
                ORDER BY p.position""", PositionedEvent.ROW, position, allTypes, types));
        missing.addAll(jdbc.query("SELECT 0 AS position, " + COLUMNS + """
                 FROM event_store.domain_event_entry e
                WHERE e.tx_id >= (SELECT next_tx_id FROM event_store.event_sequencer)
                  AND (?::boolean OR e.payload_type = ANY (?))
                  AND NOT EXISTS (SELECT 1 FROM event_store.event_position p WHERE p.global_index = e.global_index)
                ORDER BY e.tx_id, e.global_index""", PositionedEvent.ROW, allTypes, types));
        replay(missing, declaration, handlers);
        writes.flush();
    }

    private void replay(List<PositionedEvent> events, ReadModelRebuild.Declaration declaration,
                        EventHandlerInvoker handlers) throws Exception {
        List<? extends DomainEventMessage<?>> messages = EventStreamUtils.asStream(
                EventStreamUtils.upcastAndDeserializeDomainEvents(events.stream().map(PositionedEvent::entry),
                        axon.eventSerializer(), axon.upcasterChain())).toList();
        for (DomainEventMessage<?> message : declaration.recordsIndependent() ? inWaves(messages) : messages) {
            handlers.handle(message, Segment.ROOT_SEGMENT);
        }
    }

    /**
     * The same events, each record's in their order, but the first event of every record before the second
     * of any, and so on, and within such a wave grouped by kind: consecutive events then run the same
     * statement, which {@link DeferredWrites} sends as one batch.
     */
    private static List<DomainEventMessage<?>> inWaves(List<? extends DomainEventMessage<?>> messages) {
        Map<String, Integer> seen = new HashMap<>();
        List<Waved> waved = new ArrayList<>(messages.size());
        for (DomainEventMessage<?> message : messages) {
            int wave = seen.merge(message.getAggregateIdentifier(), 1, Integer::sum);
            waved.add(new Waved(wave, message.getPayloadType().getName(), message));
        }
        waved.sort(Comparator.comparingInt(Waved::wave).thenComparing(Waved::kind)); // stable: keeps order within
        return waved.stream().<DomainEventMessage<?>>map(Waved::message).toList();
    }

    private record Waved(int wave, String kind, DomainEventMessage<?> message) {
    }

    private record PositionedEvent(long position, GenericDomainEventEntry<byte[]> entry) {

        static final RowMapper<PositionedEvent> ROW = (rs, n) -> new PositionedEvent(rs.getLong("position"),
                new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregate_identifier"),
                        rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getString("time_stamp"),
                        rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
                        rs.getBytes("meta_data")));
    }
}
