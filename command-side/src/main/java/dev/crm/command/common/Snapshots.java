package dev.crm.command.common;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every aggregate is snapshotted every {@code crm.snapshots.every} events (default 100), so loading a record
 * with a long history reads its last snapshot and at most that many events, not its whole history. The
 * snapshots are taken in the writing transaction and serialized from the aggregates' fields (hence the
 * {@code @JsonAutoDetect} on each); they can be deleted at any time and are taken again.
 */
@Configuration(proxyBeanMethods = false)
public class Snapshots {

    public static final String TRIGGER = "snapshotEveryFewEvents";

    @Bean(TRIGGER)
    SnapshotTriggerDefinition snapshotEveryFewEvents(Snapshotter snapshotter,
                                                     @Value("${crm.snapshots.every:100}") int events) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, events);
    }
}
