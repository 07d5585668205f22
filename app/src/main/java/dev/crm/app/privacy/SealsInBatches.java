package dev.crm.app.privacy;

import org.axonframework.eventhandling.EventMessage;

import java.util.List;

/**
 * An event serializer that seals a whole batch of events better than one event at a time: it looks up the
 * persons of all of them at once before the first is sealed, and writes the persons and links they create
 * together after the last.
 */
public interface SealsInBatches {

    /** Runs {@code append}, which serializes (at least) the payloads of {@code events}, in one such batch. */
    void sealing(List<? extends EventMessage<?>> events, Runnable append);
}
