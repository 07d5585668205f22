package dev.crm.app.bench;

import dev.crm.app.privacy.EncryptStoredPersonalData;
import dev.crm.app.support.ApiTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;


/**
 * What the benchmarks that load an event store straight with SQL share: the load itself (with the report
 * processors stopped, which would replay it on the same cores; personal fields encrypted afterwards, as
 * the migration of a plaintext store does), and rebuilding a read model through the admin API.
 */
abstract class StoreBenchmark extends ApiTest {

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected EventProcessingConfiguration processing;

    /** Runs {@code load}, numbers its events for export and leaves the store analyzed and checkpointed. */
    protected long load(String load, Object... args) {
        processing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .forEach(EventProcessor::shutDown);
        long start = System.nanoTime();
        int loaded = jdbc.update(load, args);
        print("loaded %,d events in %.1f s", loaded, seconds(start));
        start = System.nanoTime();
        // As the application stores them: personal fields encrypted, a key per person. Before the export
        // numbers (and chains) them.
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            connection.setAutoCommit(false);
            try {
                new EncryptStoredPersonalData().encrypt(connection);
                connection.commit();
            } catch (Exception e) {
                connection.rollback();
                throw new IllegalStateException(e);
            } finally {
                connection.setAutoCommit(true);
            }
            return null;
        });
        // Rewritten in place, the store would stay twice its size (the old row versions' space is only reused
        // later); written encrypted from the start, as the application writes it, it is not.
        jdbc.execute("VACUUM FULL event_store.domain_event_entry");
        print("encrypted their personal fields (%,d persons) and compacted the store in %.1f s",
                count("SELECT count(*) FROM event_store.person_key"), seconds(start));
        start = System.nanoTime();
        admin.get("/api/events/?limit=1").expect(200); // numbers the loaded events (export positions)
        // A steady state to measure in: statistics fresh, the load's dirty pages written.
        jdbc.execute("VACUUM ANALYZE event_store.domain_event_entry");
        jdbc.execute("VACUUM ANALYZE event_store.event_position");
        jdbc.execute("CHECKPOINT");
        print("numbered them for export, analyzed and checkpointed the store in %.1f s", seconds(start));
        return count("SELECT count(*) FROM event_store.domain_event_entry");
    }

    /** Rebuilds a projection and answers the seconds it took, as the server measured them. */
    protected double rebuild(String projection) {
        // Seldom polled: polling takes CPU from the rebuild.
        JsonNode status = rebuilt(projection, Duration.ofMillis(200), Duration.ofHours(1));
        return status.at("/lastRebuild/millis").longValue() / 1000.0;
    }

    /**
     * Moves every streaming processor (the reports) past the loaded events, so that a server started on the
     * data set later does not replay them in the background of what it measures.
     */
    protected void skipStreamingProcessorsToTheEnd() {
        long head = count("SELECT max(global_index) FROM event_store.domain_event_entry");
        processing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .forEach(processor -> {
                    TokenStore tokens = processing.tokenStore(processor.getName());
                    for (int segment : tokens.fetchSegments(processor.getName())) {
                        tokens.storeToken(GapAwareTrackingToken.newInstance(head, List.of()), processor.getName(),
                                segment);
                    }
                });
    }

    protected long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** A line of the benchmark's output, which its script picks out by the prefix. */
    protected abstract void print(String format, Object... args);

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
