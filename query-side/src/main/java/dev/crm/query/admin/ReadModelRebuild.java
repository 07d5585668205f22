package dev.crm.query.admin;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Rebuilds a read model while the API keeps serving the current tables (which a subscribing projection
 * keeps writing; a streaming one is paused by the caller):
 * <ol>
 * <li>shadows of the tables are created in {@link ShadowSchema}, like the live ones but without their keys
 * and indexes;</li>
 * <li>the event store is replayed into them: by the projection's {@link SetBasedFold}s when it has them
 * ({@link SetBasedFill}); then the keys are built, which the handlers' upserts need, and the rest (or all)
 * goes through the projection's own handlers ({@link HandlerReplay});</li>
 * <li>the secondary indexes are built, the shadows analysed, and the events that arrived meanwhile
 * replayed;</li>
 * <li>{@link ReadModelSwap} moves the shadows into the live tables' place, in one short transaction.</li>
 * </ol>
 * A rebuild that fails leaves the live tables as they were and drops its shadows. Its long transactions
 * hold back the export sequencer (which numbers only events older than every running transaction) for as
 * long as each of them runs.
 */
@Component
class ReadModelRebuild {

    /**
     * What a processing group declares for its rebuild ({@link RebuildDeclarations}): its tables, whether its
     * records are independent, the payload types its handlers take, and the folds that compute its tables
     * set-based (none: replay through the handlers only).
     */
    record Declaration(List<String> tables, boolean recordsIndependent, List<String> eventTypes,
                       List<SetBasedFold> folds, List<Object> projections) {
        // eventTypes: the stored payload types to replay; empty for all (a handler that takes any event).
        // projections: the group's beans, whose handlers the replay calls.
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final ShadowSchema shadows;
    private final SetBasedFill fill;
    private final HandlerReplay replay;
    private final ReadModelSwap swap;
    private final RebuildWorkers workers;
    private final RebuildProgress progress;

    ReadModelRebuild(ShadowSchema shadows, SetBasedFill fill, HandlerReplay replay, ReadModelSwap swap,
                     RebuildWorkers workers, RebuildProgress progress) {
        this.shadows = shadows;
        this.fill = fill;
        this.replay = replay;
        this.swap = swap;
        this.workers = workers;
        this.progress = progress;
    }

    /**
     * Rebuilds the declared tables from every stored event; tells {@code listener} (may be {@code null}) the
     * token they cover.
     */
    void rebuild(String group, Declaration declaration, ReadModelSwap.Listener listener) throws Exception {
        Declaration sorted = new Declaration(declaration.tables().stream().sorted().toList(), // one lock order
                declaration.recordsIndependent(), declaration.eventTypes(), declaration.folds(),
                declaration.projections());
        EventHandlerInvoker handlers = replay.handlers(sorted);
        try {
            progress.enter(group, RebuildProgress.Step.SHADOW_TABLES);
            ShadowSchema.Deferred deferred = shadows.create(sorted.tables());
            long start = System.nanoTime();
            progress.enter(group, RebuildProgress.Step.SET_BASED_FILL);
            long position = sorted.folds().isEmpty() ? 0 : fill.fill(sorted.folds(), sorted.tables());
            long folded = System.nanoTime();
            shadows.addKeys(deferred, workers);
            long keyed = System.nanoTime();
            progress.enter(group, RebuildProgress.Step.HANDLER_REPLAY);
            HandlerReplay.CatchUp caught = replay.catchUp(sorted, handlers, position);
            long handled = System.nanoTime();
            // Index builds share their table (SHARE locks); VACUUM would wait for them, so it comes after.
            progress.enter(group, RebuildProgress.Step.INDEXES);
            shadows.index(deferred, workers);
            shadows.analyze(sorted.tables(), true);
            long indexed = System.nanoTime();
            // What arrived while the indexes were built, so that the swap, which holds the locks, has little left.
            progress.enter(group, RebuildProgress.Step.SWAP);
            HandlerReplay.CatchUp last = replay.catchUp(sorted, handlers, caught.position());
            swap.swap(sorted.tables(), () -> replay.replayTheRest(sorted, handlers, last.position()), listener);
            LOG.info("Rebuilt {}: set-based {} ms, keys {} ms, {} events through the handlers {} ms, indexes {} ms,"
                    + " swap {} ms", group, millis(start, folded), millis(folded, keyed),
                    caught.replayed() + last.replayed(), millis(keyed, handled),
                    millis(handled, indexed), millis(indexed, System.nanoTime()));
        } catch (Exception | Error e) {
            shadows.dropQuietly(sorted.tables());
            throw e;
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
