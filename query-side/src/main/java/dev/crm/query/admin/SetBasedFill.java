package dev.crm.query.admin;

import dev.crm.api.privacy.ReadablePayloads;
import dev.crm.query.export.EventSequencer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Fills the shadows with a projection's {@link SetBasedFold}s: the records split by a hash of their id into
 * partitions, each filled in a shadow transaction of its own, the partitions in parallel.
 */
@Component
class SetBasedFill {

    private final JdbcTemplate jdbc;
    private final EventSequencer sequencer;
    private final ShadowSchema shadows;
    private final RebuildWorkers workers;
    private final ReadModelColumns columns;
    private final ReadablePayloads payloads;

    SetBasedFill(JdbcTemplate jdbc, EventSequencer sequencer, ShadowSchema shadows, RebuildWorkers workers,
                 ReadModelColumns columns, ReadablePayloads payloads) {
        this.payloads = payloads;
        this.jdbc = jdbc;
        this.sequencer = sequencer;
        this.shadows = shadows;
        this.workers = workers;
        this.columns = columns;
    }

    /**
     * Runs the folds and answers the export position up to which they replayed. The events of transactions
     * before the sequencer's {@code next_tx_id} are exactly those numbered so far: a sequencer run numbers a
     * range of transactions and moves {@code next_tx_id} past it in one transaction, and one statement reads
     * both in one snapshot.
     */
    long fill(List<SetBasedFold> folds, List<String> tables) throws Exception {
        sequencer.run();
        Map<String, Object> horizon = jdbc.queryForMap("""
                SELECT s.next_tx_id::text AS tx,
                       (SELECT coalesce(max(position), 0) FROM event_store.event_position) AS position
                  FROM event_store.event_sequencer s""");
        int partitions = workers.partitions();
        List<Callable<Void>> parts = new ArrayList<>();
        for (int part = 0; part < partitions; part++) {
            int index = part;
            parts.add(() -> shadows.transaction(TransactionDefinition.ISOLATION_READ_COMMITTED, connection -> {
                // A crash loses nothing (an unfinished rebuild is started again); the statements read the whole
                // store: scans and big sorts are what they need.
                jdbc.execute("SET LOCAL synchronous_commit = off");
                jdbc.execute("SET LOCAL enable_seqscan = on");
                jdbc.execute("SET LOCAL work_mem = '256MB'");
                SetBasedFold.Partition partition = new SetBasedFold.Partition(connection, jdbc.getDataSource(),
                        (String) horizon.get("tx"), partitions, index, columns::of, payloads);
                ReadablePayloadCopy.fill(partition,
                        folds.stream().flatMap(fold -> fold.eventTypes().stream()).distinct().toList());
                for (SetBasedFold fold : folds) {
                    fold.fill(partition);
                }
                return null;
            }));
        }
        workers.runAll(parts);
        for (String table : tables) {
            numberOnAfterFoldedRows(table);
        }
        return ((Number) horizon.get("position")).longValue();
    }

    /** Rows the folds numbered themselves (an identity column): the handlers number on after them. */
    private void numberOnAfterFoldedRows(String table) {
        String shadow = ShadowSchema.NAME + "." + table;
        for (String column : jdbc.queryForList("SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass"
                + " AND attidentity <> ''", String.class, shadow)) {
            jdbc.queryForObject("SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max(" + column
                    + "), 0) + 1, false) FROM " + shadow, Long.class, shadow, column);
        }
    }
}
