package dev.crm.command.common;

import dev.crm.api.common.VersionMismatchException;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * A record's API version is the number of events it has had: Axon's aggregate version (the sequence
 * number of its last event, from 0) plus one.
 */
public final class Versions {

    private Versions() {
    }

    /** Call from a command handler: fails with 412 semantics when an {@code If-Match} version is stale. */
    public static void check(Long expectedVersion) {
        if (expectedVersion == null) {
            return;
        }
        Long sequence = AggregateLifecycle.getVersion();
        long current = sequence == null ? 0 : sequence + 1;
        if (current != expectedVersion) {
            throw new VersionMismatchException(expectedVersion, current);
        }
    }
}
