package dev.crm.query.export;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every committed event an export position ({@code event_store.event_position}), so that a reader
 * paging with {@code after=<last position>} sees every event exactly once, in order.
 * <p>
 * Why not page by {@code global_index}: it comes from a sequence taken before commit, so a transaction
 * that commits late shows an event with a lower index than events already read; a reader past it would
 * skip it forever. Why this works instead: every event row carries the id of the transaction that
 * appended it ({@code tx_id}). PostgreSQL's snapshot {@code xmin} is the oldest transaction still running;
 * every transaction below it has finished, so its events are either all visible now or never will be.
 * A run numbers exactly the events of transactions in {@code [next_tx_id, xmin)}, in (transaction,
 * index) order, then moves {@code next_tx_id} to {@code xmin}. Transactions that start later get larger
 * ids, so no event can ever land in a range already numbered: positions only grow and are never given
 * to an event after a reader passed them. Within a run events go in (transaction, index) order, which keeps
 * each record's events in version order: a transaction gets its id at its first write, the append, after
 * it has read the record's earlier events, so it is younger than the transactions that wrote them.
 * Writers are never blocked; the price is that an event is
 * exported only once every older transaction has finished (a moment under normal load). Runs are
 * serialised with a transaction-scoped advisory lock, each touches only the new events (indexed by
 * {@code tx_id}), and the export runs one before it reads.
 */
@Component
public class EventSequencer {

    /** Any constant no other code uses as an advisory lock key: "evtpos" in ASCII. */
    private static final long LOCK = 0x657674706f73L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    EventSequencer(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public void run() {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, LOCK);
            String horizon = jdbc.queryForObject("SELECT pg_snapshot_xmin(pg_current_snapshot())::text",
                    String.class);
            jdbc.update("""
                    INSERT INTO event_store.event_position (global_index)
                    SELECT e.global_index FROM event_store.domain_event_entry e
                     WHERE e.tx_id >= (SELECT next_tx_id FROM event_store.event_sequencer) AND e.tx_id < ?::xid8
                     ORDER BY e.tx_id, e.global_index""", horizon);
            jdbc.update("UPDATE event_store.event_sequencer SET next_tx_id = ?::xid8", horizon);
        });
    }
}
