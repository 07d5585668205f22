package dev.crm.query.admin;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the rebuilds on this instance are, for the metrics: the step a running rebuild is in, and how many
 * rebuilds of each projection have succeeded or failed, and how long they took in all.
 */
@Component
public class RebuildProgress {

    /** The steps of a rebuild, in their order (see {@link ReadModelRebuild}). */
    public enum Step {
        SHADOW_TABLES, SET_BASED_FILL, HANDLER_REPLAY, INDEXES, SWAP;

        /** 1 to 5. */
        public int number() {
            return ordinal() + 1;
        }
    }

    /** The rebuilds of one projection that ended one way: how many, and their milliseconds added up. */
    public record Finished(AtomicLong count, AtomicLong millis) {
    }

    private final Map<String, Step> running = new ConcurrentHashMap<>();
    private final Map<String, Finished> succeeded = new ConcurrentHashMap<>();
    private final Map<String, Finished> failed = new ConcurrentHashMap<>();

    void enter(String projection, Step step) {
        running.put(projection, step);
    }

    void finished(String projection, boolean success, long millis) {
        running.remove(projection);
        Finished finished = finished(projection, success);
        finished.count().incrementAndGet();
        finished.millis().addAndGet(millis);
    }

    /** The number of the step the projection's rebuild is in; 0 while none runs here. */
    public int step(String projection) {
        Step step = running.get(projection);
        return step == null ? 0 : step.number();
    }

    /** The rebuilds of the projection that ended so (counting from this instance's start). */
    public Finished finished(String projection, boolean success) {
        return (success ? succeeded : failed).computeIfAbsent(projection,
                p -> new Finished(new AtomicLong(), new AtomicLong()));
    }
}
