package dev.crm.app.privacy;

import java.util.List;

/**
 * An event serializer that seals a whole batch of events better than one event at a time: it looks up the
 * persons of all of them at once before the first is sealed, and writes the persons and links they create
 * together after the last.
 */
public interface SealsInBatches {

    /** Runs {@code append}, which serializes (at least) {@code payloads}, in one such batch. */
    void sealing(List<?> payloads, Runnable append);
}
