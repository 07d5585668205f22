package dev.crm.query.admin;

import dev.crm.api.common.ConflictException;
import dev.crm.api.common.NotFoundException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projections (Axon processing groups) of this application: their state, and their rebuild.
 * A projection that declares its tables with {@link ReadModelTables} is rebuilt into shadow tables that are
 * then swapped in ({@link ReadModelRebuild}); a streaming one is paused meanwhile and resumes from a token
 * that covers what the new tables hold.
 */
@Component
class Projections {

    private static final Logger LOG = LoggerFactory.getLogger(Projections.class);

    private final EventProcessingConfiguration processing;
    private final ReadModelRebuild rebuild;
    private final JdbcTemplate jdbc;
    private final StreamingPositions positions;
    private final RebuildDeclarations declarations;
    private final RebuildWorkers workers;
    private final RebuildProgress progress;
    private final Set<String> rebuilding = ConcurrentHashMap.newKeySet();
    private final Map<String, ProjectionStatus.Rebuild> lastRebuilds = new ConcurrentHashMap<>();

    Projections(EventProcessingConfiguration processing, RebuildDeclarations declarations, ReadModelRebuild rebuild,
                JdbcTemplate jdbc, StreamingPositions positions, RebuildWorkers workers, RebuildProgress progress) {
        this.processing = processing;
        this.declarations = declarations;
        this.rebuild = rebuild;
        this.jdbc = jdbc;
        this.positions = positions;
        this.workers = workers;
        this.progress = progress;
    }

    List<ProjectionStatus> all() {
        long head = head();
        return new TreeMap<>(processing.eventProcessors()).values().stream().map(p -> status(p, head)).toList();
    }

    /** Starts rebuilding the projection in the background and answers its state at once. */
    ProjectionStatus rebuild(String name) {
        EventProcessor processor = processing.eventProcessors().get(name);
        if (processor == null) {
            throw new NotFoundException("no projection named " + name);
        }
        ReadModelRebuild.Declaration declaration = declarations.of(name);
        if (declaration.tables().isEmpty()) {
            throw new ConflictException("the projection " + name + " declares no tables to rebuild");
        }
        Runnable work = () -> {
            try {
                if (processor instanceof StreamingEventProcessor streaming) {
                    // Paused, its tables keep answering (with the position they are computed up to); the
                    // rebuilt ones take over with a token that covers exactly the events they hold.
                    streaming.shutdownAsync().join();
                    try {
                        rebuild.rebuild(name, declaration, covered -> storeToken(name, covered));
                    } finally {
                        streaming.start();
                    }
                } else {
                    rebuild.rebuild(name, declaration, null);
                }
            } catch (Exception e) {
                throw new IllegalStateException("rebuilding the " + name + " projection failed", e);
            }
        };
        if (!rebuilding.add(name)) {
            throw new ConflictException("the projection " + name + " is being rebuilt already");
        }
        RebuildLock lock;
        try {
            lock = RebuildLock.tryTake(jdbc.getDataSource(), name).orElse(null);
        } catch (SQLException e) {
            rebuilding.remove(name);
            throw new IllegalStateException("could not take the rebuild lock of " + name, e);
        }
        if (lock == null) {
            rebuilding.remove(name);
            throw new ConflictException("the projection " + name + " is being rebuilt by another instance");
        }
        workers.start(() -> {
            Instant started = Instant.now();
            long start = System.nanoTime();
            try (lock) {
                work.run();
                long millis = (System.nanoTime() - start) / 1_000_000;
                lastRebuilds.put(name, new ProjectionStatus.Rebuild(ProjectionStatus.Outcome.SUCCEEDED, started,
                        Instant.now(), millis, null));
                progress.finished(name, true, millis);
                LOG.info("Rebuilt the {} projection in {} ms", name, millis);
            } catch (RuntimeException | SQLException e) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                lastRebuilds.put(name, new ProjectionStatus.Rebuild(ProjectionStatus.Outcome.FAILED, started,
                        Instant.now(), millis, rootCause(e)));
                progress.finished(name, false, millis);
                LOG.error("Rebuilding the {} projection failed; it keeps its current tables", name, e);
            } finally {
                rebuilding.remove(name);
            }
        });
        return status(processor, head());
    }

    private ProjectionStatus status(EventProcessor processor, long head) {
        String name = processor.getName();
        if (processor instanceof StreamingEventProcessor streaming) {
            long position = positions.of(streaming);
            boolean replaying = streaming.isReplaying() || rebuilding.contains(name);
            return new ProjectionStatus(name, ProjectionStatus.Mode.TRACKING, position, Math.max(0, head - position),
                    state(replaying), lastRebuilds.get(name));
        }
        // A subscribing projection runs in the transaction that appends the event: always at the head.
        ProjectionStatus.Mode mode = processor instanceof SubscribingEventProcessor
                ? ProjectionStatus.Mode.SUBSCRIBING : ProjectionStatus.Mode.UNKNOWN;
        return new ProjectionStatus(name, mode, head, 0, state(rebuilding.contains(name)),
                lastRebuilds.get(name));
    }

    private static ProjectionStatus.State state(boolean rebuilding) {
        return rebuilding ? ProjectionStatus.State.REBUILDING : ProjectionStatus.State.LIVE;
    }

    /** Moves every segment of a paused streaming processor to {@code token}. */
    private void storeToken(String name, TrackingToken token) {
        TokenStore tokens = processing.tokenStore(name);
        int[] segments = tokens.fetchSegments(name);
        if (segments.length == 0) {
            // It would start over from its initial token and apply every event a second time.
            throw new IllegalStateException("the processor " + name + " has no token segments to move");
        }
        for (int segment : segments) {
            tokens.storeToken(token, name, segment); // fails if another instance has claimed it meanwhile
        }
        // Parked events are in the rebuilt tables now; retrying them would apply them twice.
        jdbc.update("DELETE FROM event_store.dead_letter_entry WHERE processing_group = ?", name);
    }

    /** The innermost cause's message: the one that names what went wrong (a SQL error, say). */
    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) + "…" : message;
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }
}
