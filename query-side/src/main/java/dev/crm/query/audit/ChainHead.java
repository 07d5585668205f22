package dev.crm.query.audit;

import dev.crm.query.export.EventChain;
import dev.crm.query.export.EventSequencer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The newest link of the chain, after the sequencer has chained every event committed so far. */
@Component
class ChainHead {

    /**
     * @param occurredAt when the head's event happened; {@code null} for an empty store (position 0, whose
     *                   hash is 32 zero bytes) or when its event is gone
     */
    record Head(long position, String hash, String occurredAt) {
    }

    private final EventSequencer sequencer;
    private final JdbcTemplate jdbc;

    ChainHead(EventSequencer sequencer, JdbcTemplate jdbc) {
        this.sequencer = sequencer;
        this.jdbc = jdbc;
    }

    Head now() {
        sequencer.run();
        List<Head> head = jdbc.query("""
                SELECT p.position, p.hash, e.time_stamp
                  FROM event_store.event_position p
                  LEFT JOIN event_store.domain_event_entry e ON e.global_index = p.global_index
                 ORDER BY p.position DESC LIMIT 1""", (row, n) -> new Head(row.getLong("position"),
                EventChain.hex(row.getBytes("hash")), occurredAt(row.getString("time_stamp"))));
        return head.isEmpty() ? new Head(0, EventChain.hex(EventChain.genesis()), null) : head.get(0);
    }

    private static String occurredAt(String timeStamp) {
        return timeStamp == null ? null : Instant.parse(timeStamp).truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
