package dev.crm.query.admin;

import dev.crm.query.export.EventSequencer;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds a read model while the API keeps serving the current tables (which a subscribing projection
 * keeps writing; a streaming one is paused by the caller):
 * <ol>
 * <li>shadow tables {@code <table>_rebuild} are created like the live ones (columns, defaults, generated
 * columns, constraints, indexes, and the triggers that keep their row counts, under the shadow's name), but
 * without their secondary indexes;</li>
 * <li>the event store is replayed into them: by the projection's {@link SetBasedFold}s when it has them
 * ({@link SetBasedReplay}: a {@link RecordFold}'s one statement per table, or a fold of its own, split into
 * partitions of the records that run in parallel), then (or else) in export-position order, in big batches,
 * one transaction per batch,
 * through the projection's own handlers on a connection that redirects their SQL to the shadows and
 * batches their writes ({@link ShadowConnection}). Only the payload types the handlers take are read;</li>
 * <li>the secondary indexes are built, and the events that arrived meanwhile replayed;</li>
 * <li>one short transaction locks the live tables ({@code ACCESS EXCLUSIVE}, all at once: the drop needs
 * it, and upgrading a weaker lock later could deadlock with a command that read the table and now waits to
 * write it; readers and the live projection, which runs inside each command's transaction, wait while it
 * runs), replays what arrived since, drops the live tables and renames the shadows (and their indexes and
 * sequences) into their place; the shadows' row counts take the live tables' names. Its snapshot is taken after
 * the locks: every event whose transaction already wrote the live tables has committed and is replayed; every
 * event still in flight is not, and its blocked projection write lands in the renamed table afterwards (PostgreSQL
 * looks the name up again once the lock is granted). No event is lost or applied twice.</li>
 * </ol>
 * A rebuild that fails leaves the live tables as they were and drops its shadows. Its long transactions
 * hold back the export sequencer (which numbers only events older than every running transaction) for as
 * long as each of them runs.
 */
@Component
class ReadModelRebuild {

    /**
     * What a processing group declares with {@link ReadModelTables} and {@link SetBasedReplay}: its tables,
     * whether its records are independent, the payload types its handlers take, and the folds that compute
     * its tables set-based (none: replay through the handlers only).
     */
    record Declaration(List<String> tables, boolean recordsIndependent, List<String> eventTypes,
                       List<SetBasedFold> folds, List<Object> projections) {
        // eventTypes: the stored payload types to replay; empty for all (a handler that takes any event).
        // projections: the group's beans, whose handlers the replay calls (not the processor's invoker, which
        // may dead-letter failures instead of failing the rebuild).
    }

    /** Told, inside the swap's transaction, the tracking token that covers exactly the rebuilt tables. */
    interface SwapListener {
        void swapped(TrackingToken covered) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final int BATCH = 50_000;
    private static final int SWAP_ATTEMPTS = 20;
    private static final int MAX_DEFAULT_PARTITIONS = 4;
    /** What {@code JdbcEventStorageEngine} keeps gaps for by default ({@code maxGapOffset}). */
    private static final int MAX_GAP_OFFSET = 10_000;
    private static final Pattern INDEX_DEF = Pattern.compile("CREATE (UNIQUE )?INDEX \\S+ ON \\S+ (.*)");
    private static final String COLUMNS = """
            e.type, e.aggregate_identifier, e.sequence_number, e.event_identifier, e.time_stamp, e.payload_type,
            e.payload_revision, e.payload, e.meta_data""";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EventSequencer sequencer;
    private final Configuration axon;
    private final int partitions;

    ReadModelRebuild(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transaction,
                     EventSequencer sequencer, Configuration axon,
                     @Value("${crm.rebuild.partitions:0}") int partitions) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.sequencer = sequencer;
        this.axon = axon;
        // A set-based replay keeps one core busy per partition; each holds one or two pooled connections
        // (a streamed fold reads on a second one) for its whole run, so the default stays well inside the pool
        // the API needs.
        this.partitions = partitions > 0 ? partitions
                : Math.min(MAX_DEFAULT_PARTITIONS, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Rebuilds the tables from every stored event through the declared projections' handlers; tells
     * {@code listener} (may be {@code null}) the token they cover.
     */
    void rebuild(String group, Declaration declaration, SwapListener listener) throws Exception {
        Declaration sorted = new Declaration(declaration.tables().stream().sorted().toList(), // one lock order
                declaration.recordsIndependent(), declaration.eventTypes(), declaration.folds(),
                declaration.projections());
        // A handler that fails fails the rebuild (the default error handler would log and skip the event).
        EventHandlerInvoker handlers = SimpleEventHandlerInvoker.builder()
                .eventHandlers(declaration.projections().stream().map(bean -> new AnnotationEventHandlerAdapter(bean,
                        axon.parameterResolverFactory(), axon.handlerDefinition(bean.getClass()))).toList())
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .build();
        Shadows shadows = createShadows(sorted.tables());
        try {
            long start = System.nanoTime();
            long position = sorted.folds().isEmpty() ? 0 : fold(sorted);
            long folded = System.nanoTime();
            CatchUp caught = catchUp(sorted, handlers, position);
            long handled = System.nanoTime();
            // Index builds share their table (SHARE locks); ANALYZE would wait for them, so it comes after.
            inParallel(shadows.deferredIndexes().stream().<Callable<Object>>map(index -> () -> {
                jdbc.execute(index);
                return null;
            }).toList());
            for (String table : sorted.tables()) {
                // Marks the bulk's pages all-visible too: deep list pages are index-only scans from the start.
                jdbc.execute("VACUUM (ANALYZE) read_model." + table + ShadowConnection.SUFFIX);
            }
            long indexed = System.nanoTime();
            // What arrived while the indexes were built, so that the swap, which holds the locks, has little left.
            CatchUp last = catchUp(sorted, handlers, caught.position());
            swap(group, sorted, shadows, handlers, last.position(), listener);
            LOG.info("Rebuilt {}: set-based {} ms, {} events through the handlers {} ms, indexes {} ms, swap {} ms",
                    group, millis(start, folded), caught.replayed() + last.replayed(), millis(folded, handled),
                    millis(handled, indexed), millis(indexed, System.nanoTime()));
        } catch (Exception | Error e) {
            dropShadows(sorted.tables());
            throw e;
        }
    }

    /** How far a catch-up replayed: up to which export position, and how many events. */
    private record CatchUp(long position, long replayed) {
    }

    /** Replays through the handlers, in batches, every event after {@code position} up to the head. */
    private CatchUp catchUp(Declaration declaration, EventHandlerInvoker handlers, long position) throws Exception {
        long replayed = 0;
        while (true) {
            sequencer.run();
            long head = jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM event_store.event_position",
                    Long.class);
            List<PositionedEvent> batch = jdbc.query("SELECT p.position, " + COLUMNS + """
                     FROM event_store.event_position p
                     JOIN event_store.domain_event_entry e ON e.global_index = p.global_index
                    WHERE p.position > ? AND p.position <= ? AND (?::boolean OR e.payload_type = ANY (?))
                    ORDER BY p.position LIMIT ?""",
                    PositionedEvent.ROW, position, head, declaration.eventTypes().isEmpty(),
                    declaration.eventTypes().toArray(String[]::new), BATCH);
            if (!batch.isEmpty()) {
                inTransaction(declaration.tables(), Connection.TRANSACTION_READ_COMMITTED, (connection, shadow) -> {
                    try (Statement statement = connection.createStatement()) {
                        // A crash loses nothing here: an unfinished rebuild is thrown away and started again.
                        statement.execute("SET LOCAL synchronous_commit = off");
                    }
                    replay(batch, declaration, handlers);
                    return null;
                });
                replayed += batch.size();
                analyze(declaration.tables());
            }
            if (batch.size() < BATCH) {
                return new CatchUp(head, replayed); // every event up to the head was looked at
            }
            position = batch.get(batch.size() - 1).position();
        }
    }

    /** A failed rebuild leaves nothing behind (the next one would drop its leftovers anyway). */
    private void dropShadows(List<String> tables) {
        for (String table : tables) {
            try {
                jdbc.execute("DROP TABLE IF EXISTS read_model." + table + ShadowConnection.SUFFIX);
                deleteCounts(table + ShadowConnection.SUFFIX);
            } catch (RuntimeException e) {
                LOG.warn("Could not drop the shadow of {} after a failed rebuild", table, e);
            }
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /**
     * Fills the shadows with the folds' set-based statements, one transaction per partition of the records,
     * the partitions in parallel; answers the export position up to which they replayed. The events of
     * transactions before the sequencer's {@code next_tx_id} are exactly those numbered so far: a sequencer
     * run numbers a range of transactions and moves {@code next_tx_id} past it in one transaction, and one
     * statement reads both in one snapshot.
     */
    private long fold(Declaration declaration) throws Exception {
        sequencer.run();
        Map<String, Object> horizon = jdbc.queryForMap("""
                SELECT s.next_tx_id::text AS tx,
                       (SELECT coalesce(max(position), 0) FROM event_store.event_position) AS position
                  FROM event_store.event_sequencer s""");
        List<Callable<Object>> parts = new ArrayList<>();
        for (int part = 0; part < partitions; part++) {
            int partition = part;
            parts.add(() -> inTransaction(declaration.tables(), Connection.TRANSACTION_READ_COMMITTED,
                    (connection, shadow) -> {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("SET LOCAL synchronous_commit = off");
                            // The statements read the whole store: scans and big sorts are what they need.
                            statement.execute("SET LOCAL enable_seqscan = on");
                            statement.execute("SET LOCAL work_mem = '256MB'");
                        }
                        for (SetBasedFold fold : declaration.folds()) {
                            fold.fill(new SetBasedFold.Partition(shadow.connection(), dataSource,
                                    (String) horizon.get("tx"), partitions, partition, this::columns));
                        }
                        return null;
                    }));
        }
        inParallel(parts);
        for (String table : declaration.tables()) {
            // Rows the folds numbered themselves (an identity column): the handlers number on after them.
            String shadow = "read_model." + table + ShadowConnection.SUFFIX;
            for (String column : jdbc.queryForList("SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass"
                    + " AND attidentity <> ''", String.class, shadow)) {
                jdbc.queryForObject("SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max(" + column
                        + "), 0) + 1, false) FROM " + shadow, Long.class, shadow, column);
            }
        }
        return ((Number) horizon.get("position")).longValue();
    }

    /**
     * Runs the tasks on up to {@link #partitions} threads (each with a connection of its own, so each in a
     * transaction of its own) and waits for all of them; fails if any failed.
     */
    private void inParallel(List<Callable<Object>> tasks) throws Exception {
        if (tasks.isEmpty()) {
            return;
        }
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(partitions, tasks.size()));
        try {
            for (Future<Object> task : workers.invokeAll(tasks)) {
                task.get();
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** The columns of a read-model table, as a fold needs to know them. */
    private List<RecordFold.Column> columns(String table) {
        return jdbc.query("""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attgenerated <> '' AS generated,
                       pg_get_expr(d.adbin, d.adrelid) AS default_value
                  FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                 WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""",
                (rs, n) -> new RecordFold.Column(rs.getString("attname"), rs.getString("type"),
                        rs.getBoolean("generated"), rs.getBoolean("generated") ? null : rs.getString("default_value")),
                "read_model." + table);
    }

    /**
     * Fresh statistics for the growing shadows, so that the planner stops taking them for empty tables
     * (together with {@code enable_seqscan = off} while they are written, see {@link #inTransaction}).
     */
    private void analyze(List<String> tables) {
        for (String table : tables) {
            jdbc.execute("ANALYZE read_model." + table + ShadowConnection.SUFFIX);
        }
    }

    /**
     * Creates the shadows like the live tables, and answers the index names to restore at the swap. Indexes
     * that are not unique are dropped from the shadows until the bulk replay is done: maintaining them row
     * by row (a trigram index above all) costs far more than building them once at the end.
     */
    private Shadows createShadows(List<String> tables) {
        Map<String, String> indexNames = new HashMap<>();
        Map<String, String> sequenceNames = new HashMap<>();
        List<String> deferred = new ArrayList<>();
        for (String table : tables) {
            String shadow = table + ShadowConnection.SUFFIX;
            jdbc.execute("DROP TABLE IF EXISTS read_model." + shadow);
            deleteCounts(shadow);
            jdbc.execute("CREATE TABLE read_model." + shadow + " (LIKE read_model." + table + " INCLUDING ALL)");
            // The triggers that count the rows: the shadow's own counts are kept under its own name.
            for (String trigger : triggers(table)) {
                jdbc.execute(trigger.replace(" ON read_model." + table + " ", " ON read_model." + shadow + " "));
            }
            Map<String, String> live = indexesByDefinition(table);
            indexesByDefinition(shadow).forEach((definition, name) -> {
                String original = live.get(definition);
                if (original == null) {
                    throw new IllegalStateException("no index of " + table + " matches " + name);
                }
                indexNames.put(name, original);
            });
            // An identity column's sequence goes with its table; the shadow's takes the live one's name.
            jdbc.query("""
                    SELECT pg_get_serial_sequence('read_model.' || ?, attname) AS live,
                           pg_get_serial_sequence('read_model.' || ?, attname) AS shadow
                      FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped
                       AND pg_get_serial_sequence('read_model.' || ?, attname) IS NOT NULL""",
                    rs -> {
                        sequenceNames.put(rs.getString("shadow"), rs.getString("live"));
                    }, table, shadow, "read_model." + table, table);
            jdbc.query("""
                    SELECT c.relname, pg_get_indexdef(i.indexrelid) AS definition
                      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                     WHERE i.indrelid = ?::regclass AND NOT i.indisunique""", rs -> {
                deferred.add(rs.getString("definition"));
                jdbc.execute("DROP INDEX read_model." + rs.getString("relname"));
            }, "read_model." + shadow);
        }
        return new Shadows(indexNames, sequenceNames, deferred);
    }

    /**
     * The shadows' index and (qualified) sequence names mapped to the live ones, and the indexes to create
     * once the bulk is in.
     */
    private record Shadows(Map<String, String> indexNames, Map<String, String> sequenceNames,
                           List<String> deferredIndexes) {
    }

    /**
     * Forgets a table's row counts, with the compaction's lock: a compaction folding them meanwhile would
     * leave its new row, which this statement's snapshot does not see.
     */
    private void deleteCounts(String table) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("LOCK TABLE read_model.row_count IN SHARE UPDATE EXCLUSIVE MODE");
            jdbc.update("DELETE FROM read_model.row_count WHERE table_name = ?", table);
        });
    }

    /** The definitions of a table's own triggers ({@code CREATE TRIGGER ... ON read_model.<table> ...}). */
    private List<String> triggers(String table) {
        return jdbc.queryForList("SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = ?::regclass"
                + " AND NOT tgisinternal", String.class, "read_model." + table);
    }

    /** Index definitions without their names and tables, so that a table's and its copy's compare equal. */
    private Map<String, String> indexesByDefinition(String table) {
        Map<String, String> indexes = new HashMap<>();
        jdbc.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'read_model' AND tablename = ?",
                rs -> {
                    Matcher definition = INDEX_DEF.matcher(rs.getString("indexdef"));
                    if (!definition.matches()) {
                        throw new IllegalStateException("unexpected index " + rs.getString("indexdef"));
                    }
                    indexes.put(definition.group(1) + definition.group(2), rs.getString("indexname"));
                }, table);
        return indexes;
    }

    private void swap(String group, Declaration declaration, Shadows shadows, EventHandlerInvoker handlers,
                      long position, SwapListener listener) throws Exception {
        List<String> tables = declaration.tables();
        boolean allTypes = declaration.eventTypes().isEmpty();
        String[] types = declaration.eventTypes().toArray(String[]::new);
        for (int attempt = 1; ; attempt++) {
            try {
                inTransaction(tables, Connection.TRANSACTION_REPEATABLE_READ, (connection, shadow) -> {
                    try (Statement statement = connection.createStatement()) {
                        // Give way rather than deadlock with a command holding one of the tables and
                        // waiting for another; the swap is simply tried again.
                        statement.execute("SET LOCAL lock_timeout = '300ms'");
                        statement.execute("LOCK TABLE " + String.join(", ", tables.stream()
                                .map(t -> "read_model." + t).toList()) + " IN ACCESS EXCLUSIVE MODE");
                        // The tables' counts change hands below: no compaction may fold them meanwhile (the
                        // compaction's own lock mode, which writers of other tables do not wait for).
                        statement.execute("LOCK TABLE read_model.row_count IN SHARE UPDATE EXCLUSIVE MODE");
                    }
                    // The snapshot starts here, after the locks (repeatable read: one snapshot for both).
                    List<PositionedEvent> numbered = jdbc.query("SELECT p.position, " + COLUMNS + """
                             FROM event_store.event_position p
                             JOIN event_store.domain_event_entry e ON e.global_index = p.global_index
                            WHERE p.position > ? AND (?::boolean OR e.payload_type = ANY (?))
                            ORDER BY p.position""", PositionedEvent.ROW, position, allTypes, types);
                    List<PositionedEvent> unnumbered = jdbc.query("SELECT 0 AS position, " + COLUMNS + """
                             FROM event_store.domain_event_entry e
                            WHERE e.tx_id >= (SELECT next_tx_id FROM event_store.event_sequencer)
                              AND (?::boolean OR e.payload_type = ANY (?))
                              AND NOT EXISTS (SELECT 1 FROM event_store.event_position p
                                               WHERE p.global_index = e.global_index)
                            ORDER BY e.tx_id, e.global_index""", PositionedEvent.ROW, allTypes, types);
                    List<PositionedEvent> missing = new ArrayList<>(numbered);
                    missing.addAll(unnumbered);
                    replay(missing, declaration, handlers);
                    shadow.flush();
                    if (listener != null) {
                        listener.swapped(covered());
                    }
                    try (Statement statement = connection.createStatement()) {
                        for (String table : tables) {
                            statement.execute("DELETE FROM read_model.row_count WHERE table_name = '" + table + "'");
                            statement.execute("UPDATE read_model.row_count SET table_name = '" + table
                                    + "' WHERE table_name = '" + table + ShadowConnection.SUFFIX + "'");
                            statement.execute("DROP TABLE read_model." + table);
                            statement.execute("ALTER TABLE read_model." + table + ShadowConnection.SUFFIX
                                    + " RENAME TO " + table);
                        }
                        for (Map.Entry<String, String> index : shadows.indexNames().entrySet()) {
                            statement.execute("ALTER INDEX read_model." + index.getKey() + " RENAME TO "
                                    + index.getValue());
                        }
                        for (Map.Entry<String, String> sequence : shadows.sequenceNames().entrySet()) {
                            statement.execute("ALTER SEQUENCE " + sequence.getKey() + " RENAME TO "
                                    + sequence.getValue().substring(sequence.getValue().indexOf('.') + 1));
                        }
                    }
                    return null;
                });
                return;
            } catch (SQLException e) {
                if (attempt == SWAP_ATTEMPTS || !"55P03".equals(e.getSQLState())) {
                    throw e;
                }
                LOG.info("Swapping the rebuilt {} tables waited too long for a lock; trying again", group);
                Thread.sleep(50L * attempt);
            }
        }
    }

    /**
     * The tracking token of what the swap's snapshot sees: every event up to the highest global index, but
     * the indexes missing below it (transactions still running, or rolled back) as gaps, within the distance
     * Axon's JDBC store keeps gaps for.
     */
    private TrackingToken covered() {
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), -1) FROM event_store.domain_event_entry",
                Long.class);
        if (head < 0) {
            return null; // an empty store: from the start
        }
        List<Long> gaps = jdbc.queryForList("""
                SELECT g FROM generate_series(greatest(?::bigint - ?, 0), ?::bigint - 1) g
                 WHERE NOT EXISTS (SELECT 1 FROM event_store.domain_event_entry e WHERE e.global_index = g)""",
                Long.class, head, MAX_GAP_OFFSET, head);
        return GapAwareTrackingToken.newInstance(head, gaps);
    }

    private void replay(List<PositionedEvent> events, Declaration declaration, EventHandlerInvoker handlers)
            throws Exception {
        List<? extends DomainEventMessage<?>> messages = EventStreamUtils.asStream(
                EventStreamUtils.upcastAndDeserializeDomainEvents(events.stream().map(PositionedEvent::entry),
                        axon.eventSerializer(), axon.upcasterChain())).toList();
        for (DomainEventMessage<?> message : declaration.recordsIndependent() ? inWaves(messages) : messages) {
            handlers.handle(message, Segment.ROOT_SEGMENT);
        }
    }

    /**
     * The same events, each record's in their order, but the first event of every record before the second
     * of any, and so on, and within such a wave grouped by kind: consecutive events then run the same
     * statement, which {@link ShadowConnection} sends as one batch.
     */
    private static List<DomainEventMessage<?>> inWaves(List<? extends DomainEventMessage<?>> messages) {
        Map<String, Integer> seen = new HashMap<>();
        List<Waved> waved = new ArrayList<>(messages.size());
        for (DomainEventMessage<?> message : messages) {
            int wave = seen.merge(message.getAggregateIdentifier(), 1, Integer::sum);
            waved.add(new Waved(wave, message.getPayloadType().getName(), message));
        }
        waved.sort(Comparator.comparingInt(Waved::wave).thenComparing(Waved::kind)); // stable: keeps order within
        return waved.stream().<DomainEventMessage<?>>map(Waved::message).toList();
    }

    private record Waved(int wave, String kind, DomainEventMessage<?> message) {
    }

    /**
     * Runs {@code work} in one transaction on a connection of its own; the handlers' {@code JdbcTemplate}
     * finds its shadow-writing face bound to this thread. Sequential scans are off while the shadows are
     * written: their statistics lag behind their growth, and a cached plan that scans a table that was empty
     * when planned turns every update into a full scan.
     */
    private <T> T inTransaction(List<String> tables, int isolation, Work<T> work) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(isolation);
            ShadowConnection shadow = new ShadowConnection(connection, tables);
            TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(shadow.connection()));
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL enable_seqscan = off");
                }
                T result = work.run(connection, shadow);
                shadow.flush();
                connection.commit();
                return result;
            } catch (Exception | Error e) {
                connection.rollback();
                throw e;
            } finally {
                TransactionSynchronizationManager.unbindResource(dataSource);
                shadow.close();
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(true);
            }
        }
    }

    private interface Work<T> {
        T run(Connection connection, ShadowConnection shadow) throws Exception;
    }

    private record PositionedEvent(long position, GenericDomainEventEntry<byte[]> entry) {

        static final RowMapper<PositionedEvent> ROW = (rs, n) -> new PositionedEvent(rs.getLong("position"),
                new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregate_identifier"),
                        rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getString("time_stamp"),
                        rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
                        rs.getBytes("meta_data")));
    }
}
