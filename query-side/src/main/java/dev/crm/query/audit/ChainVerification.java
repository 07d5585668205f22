package dev.crm.query.audit;

import dev.crm.api.common.EventNames;
import dev.crm.query.export.EventChain;
import dev.crm.query.export.EventSequencer;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes the whole chain from the stored events and compares it with the stored links: the answer of
 * {@code GET /api/audit/verify/}. The positions are walked in order through a cursor (never all rows in
 * memory), in one repeatable-read snapshot after the sequencer has chained everything committed so far.
 * <p>
 * What it catches, at the first position concerned: an event's stored bytes edited (its digest changes), an
 * event row deleted (a position without its event), a position deleted (a gap), a stored digest or hash
 * edited, and an event inserted behind the sequencer's back (a row of a transaction the sequencer has already
 * passed, {@code tx_id < next_tx_id}, that has no position: reported where it would sit, the position of the
 * first chained event with a higher {@code global_index}, or after the head). What it cannot catch alone: an
 * event appended in a new transaction is numbered and chained like any other, and whoever rewrites events
 * and every later digest and hash leaves a chain that agrees with itself; the {@link KeptHead} an auditor
 * kept outside the system catches the latter.
 */
@Component
class ChainVerification {

    record Verification(boolean verified, long events, Link head, Mismatch firstMismatch) {
    }

    record Link(long position, String hash) {
    }

    /** @param id the event's id at that position, {@code null} when there is none (deleted, or a gap) */
    record Mismatch(long position, String id) {
    }

    private static final int FETCH = 1000;
    private static final String WALK = "SELECT p.position, p.digest, p.hash, e.global_index IS NOT NULL AS present, "
            + EventChain.COLUMNS + """
             FROM event_store.event_position p
             LEFT JOIN event_store.domain_event_entry e ON e.global_index = p.global_index
            ORDER BY p.position""";

    private final EventSequencer sequencer;
    private final JdbcTemplate cursor;
    private final TransactionTemplate snapshot;

    ChainVerification(EventSequencer sequencer, DataSource dataSource, PlatformTransactionManager transactions) {
        this.sequencer = sequencer;
        this.cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(FETCH);
        this.snapshot = new TransactionTemplate(transactions);
        // One snapshot for the walk and the search for events without a position.
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    Verification verify(Optional<KeptHead> kept) {
        sequencer.run();
        return snapshot.execute(status -> {
            Walk walk = new Walk(kept);
            cursor.query(connection -> inBinary(connection.prepareStatement(WALK)), walk::check);
            // Of the events without a position, the one with the lowest global index would sit first: the
            // chained events with a higher index than its include those of any other.
            List<Mismatch> inserted = cursor.query("""
                    SELECT e.event_identifier,
                           coalesce((SELECT p.position FROM event_store.event_position p
                                      WHERE p.global_index > e.global_index ORDER BY p.position LIMIT 1),
                                    ?) AS position
                      FROM (SELECT e.global_index, e.event_identifier FROM event_store.domain_event_entry e
                             WHERE e.tx_id < (SELECT next_tx_id FROM event_store.event_sequencer)
                               AND NOT EXISTS (SELECT 1 FROM event_store.event_position p
                                                WHERE p.global_index = e.global_index)
                             ORDER BY e.global_index LIMIT 1) e""", (row, n) -> new Mismatch(row.getLong("position"),
                    EventNames.eventId(row.getString("event_identifier"))), walk.head + 1);
            inserted.forEach(walk::mismatch);
            return walk.result();
        });
    }

    /**
     * Rows in PostgreSQL's binary format: the blobs arrive as bytes instead of hexadecimal text, which halves
     * the time the walk spends reading (measured: 1.0 s instead of 2.0 s for 100,000 events).
     */
    private static PreparedStatement inBinary(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
        return statement;
    }

    /** The walk along the positions: the chain recomputed from the events, and the first mismatch seen. */
    private static final class Walk {

        private final Optional<KeptHead> kept;
        private final EventChain chain = new EventChain(null);
        private long head;
        private byte[] headHash = EventChain.genesis();
        private long events;
        private boolean keptSeen;
        private Mismatch first;

        Walk(Optional<KeptHead> kept) {
            this.kept = kept;
        }

        void check(ResultSet row) throws SQLException {
            long position = row.getLong("position");
            if (position != head + 1) {
                mismatch(new Mismatch(head + 1, null)); // a position was deleted
            }
            boolean present = row.getBoolean("present");
            byte[] digest = present ? chain.digest(row) : null;
            byte[] hash = present ? chain.append(digest) : null;
            if (!present || !Arrays.equals(digest, row.getBytes("digest"))
                    || !Arrays.equals(hash, row.getBytes("hash"))) {
                mismatch(new Mismatch(position, id(row, present)));
            }
            if (kept.isPresent() && kept.get().position() == position) {
                keptSeen = true;
                if (!Arrays.equals(hash, EventChain.fromHex(kept.get().hash()))) {
                    mismatch(new Mismatch(position, id(row, present)));
                }
            }
            head = position;
            headHash = row.getBytes("hash");
            events++;
        }

        private static String id(ResultSet row, boolean present) throws SQLException {
            return present ? EventNames.eventId(row.getString("event_identifier")) : null;
        }

        void mismatch(Mismatch mismatch) {
            if (first == null || mismatch.position() < first.position()) {
                first = mismatch;
            }
        }

        Verification result() {
            // A kept head the walk never reached: beyond the head (the chain lost its end), or in a gap.
            if (kept.isPresent() && !keptSeen) {
                mismatch(new Mismatch(Math.min(kept.get().position(), head + 1), null));
            }
            return new Verification(first == null, events, new Link(head, EventChain.hex(headHash)), first);
        }
    }
}
