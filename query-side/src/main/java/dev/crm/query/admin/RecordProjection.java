package dev.crm.query.admin;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;

import java.util.List;

/**
 * A record read model (one row per record: created, changed field by field, deleted) kept by its
 * {@link RecordFold}, the one place that says what each event does to the row: applied here one event at a
 * time as the events are written, by a rebuild to the whole store at once.
 * <p>
 * A subclass is a component that names its processing group with {@code @ProcessingGroup}: that name is also
 * the projection's name in the admin API ({@code /api/admin/projections/{name}/}).
 */
public abstract class RecordProjection implements SetBasedReplay, HandledEvents {

    private final RecordWriter writer;
    private final RecordFold fold;

    protected RecordProjection(RecordWriter writer, RecordFold fold) {
        this.writer = writer;
        this.fold = fold;
    }

    /** Every event passes by; those the fold does not name change nothing. Events are records. */
    @EventHandler
    void on(Record event, DomainEventMessage<?> message) {
        writer.apply(fold, event, message);
    }

    @Override
    public List<String> eventTypes() {
        return fold.eventTypes();
    }

    @Override
    public List<RecordFold> folds() {
        return List.of(fold);
    }
}
