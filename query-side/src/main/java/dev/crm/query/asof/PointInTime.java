package dev.crm.query.asof;

import dev.crm.api.common.DeletionEvent;
import dev.crm.api.common.FindRecord;
import dev.crm.api.common.FindRecordAsOf;
import dev.crm.api.common.NotFoundException;
import dev.crm.api.common.Versioned;
import dev.crm.api.common.ReadModel;
import dev.crm.query.sql.DeletedRecords;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Single-record reads with {@code ?asOf=<ISO-8601>}: the record as it was at that instant.
 * <p>
 * A record type whose table keeps versions (all but users) answers from them: one index lookup, whatever the
 * record's age. Any other record is rebuilt by folding its events up to that instant through its own projection, in a
 * transaction that is always rolled back: the record's rows are cleared, its events replayed, the ordinary
 * {@code Find...} query run, and everything undone. So the answer has exactly the live GET's shape, with
 * names ({@code assignedToName}, ...) resolved the way the live read model resolves them, and no second
 * mapping of events to views can drift from the projection.
 */
@Component
public class PointInTime {

    private final ReadModel readModel;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate rolledBack;

    PointInTime(ReadModel readModel, EventStore eventStore, EventProcessingConfiguration processing,
                JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.readModel = readModel;
        this.eventStore = eventStore;
        this.processing = processing;
        this.jdbc = jdbc;
        this.rolledBack = new TransactionTemplate(transactions);
    }

    /**
     * Answers {@code find} live, or as the record was at {@code asOf} when it is given.
     *
     * @param rows where the record's rows are, in the tables of the projection that keeps them
     */
    public <T> Versioned<T> find(FindRecord find, RecordRows rows, String notFound, Instant asOf) {
        if (asOf == null) {
            return readModel.require(find, notFound);
        }
        if (rows == RecordRows.VERSIONED) {
            return readModel.<T>find(new FindRecordAsOf(find.id(), asOf))
                    .orElseThrow(() -> new NotFoundException(notFound));
        }
        String id = find.id();
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id, 0).asStream().toList();
        if (events.isEmpty()
                || (events.get(events.size() - 1).getPayload() instanceof DeletionEvent && !DeletedRecords.visible())) {
            throw new NotFoundException(notFound);
        }
        // The API shows event times in milliseconds; an instant taken from it must include that event.
        List<? extends DomainEventMessage<?>> upTo = events.stream()
                .filter(e -> !e.getTimestamp().truncatedTo(ChronoUnit.MILLIS).isAfter(asOf))
                .toList();
        if (upTo.isEmpty()) {
            throw new NotFoundException(notFound);
        }
        EventHandlerInvoker projection = processing.eventProcessorByProcessingGroup(rows.group(),
                AbstractEventProcessor.class).orElseThrow().eventHandlerInvoker();
        return rolledBack.execute(transaction -> {
            transaction.setRollbackOnly();
            rows.idColumnByTable().forEach((table, idColumn) ->
                    jdbc.update("DELETE FROM read_model." + table + " WHERE " + idColumn + " = ?", id));
            for (DomainEventMessage<?> event : upTo) {
                replay(projection, event);
            }
            return readModel.require(find, notFound);
        });
    }

    private static void replay(EventHandlerInvoker projection, DomainEventMessage<?> event) {
        try {
            projection.handle(event, Segment.ROOT_SEGMENT);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("replaying " + event.getPayloadType().getSimpleName() + " failed", e);
        }
    }
}
