package dev.crm.app.axon;

import dev.crm.query.admin.RebuildProgress;
import dev.crm.query.admin.StreamingPositions;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What the read models' processors have done and owe, as meters: the newest event's global index, each
 * streaming processor's position and how many events it is behind, the events parked in each dead-letter
 * queue, and each projection's rebuilds (the step a running one is in, the finished ones by outcome).
 * <p>
 * Registered once the processors exist (Axon builds them when the context starts). Values are read when
 * Prometheus scrapes; one that needs the database is {@code NaN} while the database is away, so that a scrape
 * never waits for it.
 */
@Component
class ProjectionMetrics {

    /** A scrape reads the head once for every processor's lag; within this long it is read once. */
    private static final long HEAD_FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final MeterRegistry meters;
    private final EventProcessingConfiguration processing;
    private final StreamingPositions positions;
    private final RebuildProgress rebuilds;
    private final JdbcTemplate jdbc;
    private volatile long head;
    private volatile long headReadAt = System.nanoTime() - 2 * HEAD_FRESH_NANOS;

    ProjectionMetrics(MeterRegistry meters, EventProcessingConfiguration processing, StreamingPositions positions,
                      RebuildProgress rebuilds, JdbcTemplate jdbc) {
        this.meters = meters;
        this.processing = processing;
        this.positions = positions;
        this.rebuilds = rebuilds;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationStartedEvent.class)
    void register() {
        Gauge.builder("crm.events.head", () -> orNaN(this::head))
                .description("The global index of the newest event in the event store").register(meters);
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("crm.processor.position", () -> orNaN(() -> positions.of(streaming)))
                        .tag("processor", name)
                        .description("The global index up to which the streaming processor has handled events")
                        .register(meters);
                Gauge.builder("crm.processor.lag", () -> orNaN(() -> Math.max(0, head() - positions.of(streaming))))
                        .tag("processor", name).baseUnit("events")
                        .description("How many global indexes the streaming processor is behind the newest event")
                        .register(meters);
            }
            processing.deadLetterQueue(name).ifPresent(queue -> Gauge.builder("crm.dead.letters",
                            () -> orNaN(queue::size))
                    .tag("processor", name).baseUnit("events")
                    .description("Events the processor failed on, parked in its dead-letter queue")
                    .register(meters));
            Gauge.builder("crm.rebuild.step", () -> rebuilds.step(name)).tag("projection", name)
                    .description("The step a running rebuild of the projection is in: 1 shadow tables, 2 set-based"
                            + " fill, 3 replay through the handlers, 4 indexes, 5 swap; 0 while none runs here")
                    .register(meters);
            for (boolean success : new boolean[] {true, false}) {
                RebuildProgress.Finished finished = rebuilds.finished(name, success);
                FunctionTimer.builder("crm.rebuilds", finished, f -> f.count().get(), f -> f.millis().get(),
                                TimeUnit.MILLISECONDS)
                        .tags("projection", name, "outcome", success ? "succeeded" : "failed")
                        .description("The projection's finished rebuilds on this instance").register(meters);
            }
        });
    }

    private long head() {
        long now = System.nanoTime();
        if (now - headReadAt > HEAD_FRESH_NANOS) {
            Long max = jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
            head = max == null ? 0 : max;
            headReadAt = now;
        }
        return head;
    }

    private static double orNaN(LongSupplier value) {
        try {
            return value.getAsLong();
        } catch (RuntimeException e) {
            return Double.NaN; // the database is away: the scrape answers at once, without this value
        }
    }
}
