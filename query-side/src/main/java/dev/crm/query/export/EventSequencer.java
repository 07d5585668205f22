package dev.crm.query.export;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives every committed event an export position ({@code event_store.event_position}), so that a reader
 * paging with {@code after=<last position>} sees every event exactly once, in order, and links it into the
 * tamper-evident chain ({@link EventChain}) in the same run.
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
 * <p>
 * The chain is computed here because here the order is final and runs are already serialised: hashing on
 * the write path would need one global lock on every writer to agree on "the previous event". A run reads
 * its new events with their stored bytes, numbers them last + 1 onwards (explicit numbers rather than a
 * sequence, so that a run that rolls back leaves no gap), computes each digest and hash in Java and inserts
 * the positions in batches. Positions assigned before the chain existed (an upgraded store) are chained
 * first, by the same run, in position order: an upgrade needs no separate step.
 */
@Component
public class EventSequencer {

    /** Any constant no other code uses as an advisory lock key: "evtpos" in ASCII. */
    private static final long LOCK = 0x657674706f73L;
    /** Events read and positions written per statement: bounded memory however many events wait. */
    private static final int BATCH = 1000;

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
            Link tip = chainUnchainedPositions();
            number(tip, horizon);
            jdbc.update("UPDATE event_store.event_sequencer SET next_tx_id = ?::xid8", horizon);
        });
    }

    /** A position and its hash ({@code null} before the first position). */
    private record Link(long position, byte[] hash) {
    }

    /**
     * The last position and its hash, after chaining the positions that have none (assigned before the chain
     * existed) in position order after the last one that has.
     */
    private Link chainUnchainedPositions() {
        Link last = last("");
        if (last.position() == 0 || last.hash() != null) {
            return last;
        }
        Link tip = last("WHERE hash IS NOT NULL");
        EventChain chain = new EventChain(tip.hash());
        long after = tip.position();
        while (true) {
            List<Object[]> links = new ArrayList<>();
            // LEFT JOIN: a position whose event is gone still gets a link (the digest of an all-empty form),
            // so that numbering goes on; verification reports the missing event.
            jdbc.query("SELECT p.position, " + EventChain.COLUMNS + """
                     FROM event_store.event_position p
                     LEFT JOIN event_store.domain_event_entry e ON e.global_index = p.global_index
                    WHERE p.position > ? ORDER BY p.position LIMIT ?""", row -> {
                byte[] digest = chain.digest(row);
                links.add(new Object[]{digest, chain.append(digest), row.getLong("position")});
            }, after, BATCH);
            if (links.isEmpty()) {
                return new Link(after, chain.last());
            }
            jdbc.batchUpdate("UPDATE event_store.event_position SET digest = ?, hash = ? WHERE position = ?", links);
            after = (long) links.get(links.size() - 1)[2];
            if (links.size() < BATCH) {
                return new Link(after, chain.last());
            }
        }
    }

    private Link last(String where) {
        List<Link> last = jdbc.query("SELECT position, hash FROM event_store.event_position " + where
                + " ORDER BY position DESC LIMIT 1", (row, n) -> new Link(row.getLong(1), row.getBytes(2)));
        return last.isEmpty() ? new Link(0, null) : last.get(0);
    }

    /** Numbers and chains the events of transactions in {@code [next_tx_id, horizon)} after {@code tip}. */
    private void number(Link tip, String horizon) {
        EventChain chain = new EventChain(tip.hash());
        long[] position = {tip.position()};
        String afterTx = jdbc.queryForObject("SELECT next_tx_id::text FROM event_store.event_sequencer", String.class);
        long afterIndex = 0;
        while (true) {
            List<Object[]> positions = new ArrayList<>();
            String[] lastTx = {afterTx};
            jdbc.query("SELECT e.tx_id::text AS tx, e.global_index, " + EventChain.COLUMNS + """
                     FROM event_store.domain_event_entry e
                    WHERE (e.tx_id, e.global_index) > (?::xid8, ?) AND e.tx_id < ?::xid8
                    ORDER BY e.tx_id, e.global_index LIMIT ?""", row -> {
                byte[] digest = chain.digest(row);
                lastTx[0] = row.getString("tx");
                positions.add(new Object[]{++position[0], row.getLong("global_index"), digest, chain.append(digest)});
            }, afterTx, afterIndex, horizon, BATCH);
            if (positions.isEmpty()) {
                return;
            }
            jdbc.batchUpdate("INSERT INTO event_store.event_position (position, global_index, digest, hash)"
                    + " VALUES (?, ?, ?, ?)", positions);
            if (positions.size() < BATCH) {
                return;
            }
            afterTx = lastTx[0];
            afterIndex = (long) positions.get(positions.size() - 1)[1];
        }
    }
}
