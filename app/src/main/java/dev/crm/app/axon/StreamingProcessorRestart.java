package dev.crm.app.axon;

import dev.crm.app.database.DatabaseAvailability.DatabaseRecovered;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A streaming processor (the reports) that failed while the database was away waits before it retries,
 * doubling the wait each time up to a minute. Once the database answers again, restart those processors
 * so that they catch up at once instead of sitting out their back-off.
 */
@Component
class StreamingProcessorRestart {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingProcessorRestart.class);

    private final EventProcessingConfiguration processing;

    StreamingProcessorRestart(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @EventListener
    void on(DatabaseRecovered recovered) {
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(processor -> processor.isRunning() && backingOff(processor))
                .forEach(processor -> {
                    LOG.info("Restarting processor {} after the database outage", processor.getName());
                    processor.shutdownAsync().thenRun(processor::start);
                });
    }

    /** A segment in error waits to retry; no segment at all means the claim itself failed and waits too. */
    private static boolean backingOff(StreamingEventProcessor processor) {
        var segments = processor.processingStatus().values();
        return segments.isEmpty() || segments.stream().anyMatch(EventTrackerStatus::isErrorState);
    }
}
