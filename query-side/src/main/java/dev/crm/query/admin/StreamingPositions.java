package dev.crm.query.admin;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The global index up to which a streaming processor has handled the store: the lowest of its segments'.
 * While it is paused (during a rebuild, when its tables keep answering) it reports no segments, so the
 * position is read from its stored tokens instead.
 */
@Component
public class StreamingPositions {

    private final JdbcTemplate jdbc;
    private final Configuration axon;

    StreamingPositions(JdbcTemplate jdbc, Configuration axon) {
        this.jdbc = jdbc;
        this.axon = axon;
    }

    /** The position; 0 before the processor handled anything. */
    public long of(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> running = processor.processingStatus();
        if (!running.isEmpty()) {
            return running.values().stream().map(EventTrackerStatus::getCurrentPosition)
                    .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min().orElse(0);
        }
        return jdbc.query("""
                        SELECT token, token_type FROM event_store.token_entry
                         WHERE processor_name = ? AND token IS NOT NULL""",
                (rs, n) -> axon.serializer().<byte[], TrackingToken>deserialize(new SimpleSerializedObject<>(
                        rs.getBytes("token"), byte[].class, rs.getString("token_type"), null)).position(),
                processor.getName())
                .stream().filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min().orElse(0);
    }
}
