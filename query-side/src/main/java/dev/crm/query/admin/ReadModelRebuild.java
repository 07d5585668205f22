package dev.crm.query.admin;

import dev.crm.query.export.EventSequencer;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds a subscribing read model while the API keeps serving (and the live projection keeps writing)
 * the current tables:
 * <ol>
 * <li>shadow tables {@code <table>_rebuild} are created like the live ones (columns, defaults, generated
 * columns, constraints, indexes);</li>
 * <li>the event store is replayed into them: by the projection's set-based statements when it has them
 * ({@link SetBasedReplay}), then (or else) in export-position order, in big batches, one transaction per
 * batch, through the processing group's own handlers on a connection that redirects their SQL to the
 * shadows and batches their writes ({@link ShadowConnection});</li>
 * <li>one short transaction locks the live tables against writes ({@code EXCLUSIVE}: readers go on,
 * the live projection, which runs inside each command's transaction, waits), replays what arrived since,
 * drops the live tables and renames the shadows (and their indexes) into their place. Its snapshot is
 * taken after the locks: every event whose transaction already wrote the live tables has committed and is
 * replayed; every event still in flight is not, and its blocked projection write lands in the renamed
 * table afterwards (PostgreSQL looks the name up again once the lock is granted). No event is lost or
 * applied twice.</li>
 * </ol>
 */
@Component
class ReadModelRebuild {

    /**
     * What a processing group declares with {@link ReadModelTables} and {@link SetBasedReplay} (no
     * statements: replay through the handlers only).
     */
    record Declaration(List<String> tables, boolean recordsIndependent, List<String> replayStatements) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final int BATCH = 50_000;
    private static final int SWAP_ATTEMPTS = 20;
    private static final Pattern INDEX_DEF = Pattern.compile("CREATE (UNIQUE )?INDEX \\S+ ON \\S+ (.*)");
    private static final String COLUMNS = """
            e.type, e.aggregate_identifier, e.sequence_number, e.event_identifier, e.time_stamp, e.payload_type,
            e.payload_revision, e.payload, e.meta_data""";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final EventSequencer sequencer;
    private final Configuration axon;

    ReadModelRebuild(DataSource dataSource, JdbcTemplate jdbc, EventSequencer sequencer, Configuration axon) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.sequencer = sequencer;
        this.axon = axon;
    }

    /** Rebuilds the tables from every stored event through {@code handlers}; returns the events replayed. */
    long rebuild(String group, Declaration declaration, EventHandlerInvoker handlers) throws Exception {
        Declaration sorted = new Declaration(declaration.tables().stream().sorted().toList(), // one lock order
                declaration.recordsIndependent(), declaration.replayStatements());
        Shadows shadows = createShadows(sorted.tables());
        long position = 0;
        long replayed = 0;
        if (!sorted.replayStatements().isEmpty()) {
            sequencer.run();
            long upTo = jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM event_store.event_position",
                    Long.class);
            inTransaction(sorted.tables(), Connection.TRANSACTION_READ_COMMITTED, (connection, shadow) -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL synchronous_commit = off");
                    // Set-based statements read the whole store: scans are what they need.
                    statement.execute("SET LOCAL enable_seqscan = on");
                    statement.execute("SET LOCAL work_mem = '64MB'");
                }
                for (String sql : sorted.replayStatements()) {
                    jdbc.update(sql.replace(":upTo", "?"), upTo);
                }
                return null;
            });
            position = upTo;
            replayed = jdbc.queryForObject("SELECT count(*) FROM event_store.event_position WHERE position <= ?",
                    Long.class, upTo);
            analyze(sorted.tables());
        }
        while (true) {
            sequencer.run();
            List<PositionedEvent> batch = jdbc.query("SELECT p.position, " + COLUMNS + """
                     FROM event_store.event_position p
                     JOIN event_store.domain_event_entry e ON e.global_index = p.global_index
                    WHERE p.position > ? ORDER BY p.position LIMIT ?""", PositionedEvent.ROW, position, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            inTransaction(sorted.tables(), Connection.TRANSACTION_READ_COMMITTED, (connection, shadow) -> {
                try (Statement statement = connection.createStatement()) {
                    // A crash loses nothing here: an unfinished rebuild is thrown away and started again.
                    statement.execute("SET LOCAL synchronous_commit = off");
                }
                replay(batch, sorted, handlers);
                return null;
            });
            position = batch.get(batch.size() - 1).position();
            replayed += batch.size();
            analyze(sorted.tables());
        }
        shadows.deferredIndexes().forEach(jdbc::execute);
        analyze(sorted.tables());
        return replayed + swap(group, sorted, shadows.indexNames(), handlers, position);
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
        List<String> deferred = new ArrayList<>();
        for (String table : tables) {
            String shadow = table + ShadowConnection.SUFFIX;
            jdbc.execute("DROP TABLE IF EXISTS read_model." + shadow);
            jdbc.execute("CREATE TABLE read_model." + shadow + " (LIKE read_model." + table + " INCLUDING ALL)");
            Map<String, String> live = indexesByDefinition(table);
            indexesByDefinition(shadow).forEach((definition, name) -> {
                String original = live.get(definition);
                if (original == null) {
                    throw new IllegalStateException("no index of " + table + " matches " + name);
                }
                indexNames.put(name, original);
            });
            jdbc.query("""
                    SELECT c.relname, pg_get_indexdef(i.indexrelid) AS definition
                      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                     WHERE i.indrelid = ?::regclass AND NOT i.indisunique""", rs -> {
                deferred.add(rs.getString("definition"));
                jdbc.execute("DROP INDEX read_model." + rs.getString("relname"));
            }, "read_model." + shadow);
        }
        return new Shadows(indexNames, deferred);
    }

    /** The shadows' index names mapped to the live ones, and the indexes to create once the bulk is in. */
    private record Shadows(Map<String, String> indexNames, List<String> deferredIndexes) {
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

    private long swap(String group, Declaration declaration, Map<String, String> indexNames,
                      EventHandlerInvoker handlers, long position) throws Exception {
        List<String> tables = declaration.tables();
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(tables, Connection.TRANSACTION_REPEATABLE_READ, (connection, shadow) -> {
                    try (Statement statement = connection.createStatement()) {
                        // Give way rather than deadlock with a command holding one of the tables and
                        // waiting for another; the swap is simply tried again.
                        statement.execute("SET LOCAL lock_timeout = '300ms'");
                        statement.execute("LOCK TABLE " + String.join(", ", tables.stream()
                                .map(t -> "read_model." + t).toList()) + " IN EXCLUSIVE MODE");
                    }
                    // The snapshot starts here, after the locks (repeatable read: one snapshot for both).
                    List<PositionedEvent> numbered = jdbc.query("SELECT p.position, " + COLUMNS + """
                             FROM event_store.event_position p
                             JOIN event_store.domain_event_entry e ON e.global_index = p.global_index
                            WHERE p.position > ? ORDER BY p.position""", PositionedEvent.ROW, position);
                    List<PositionedEvent> unnumbered = jdbc.query("SELECT 0 AS position, " + COLUMNS + """
                             FROM event_store.domain_event_entry e
                            WHERE e.tx_id >= (SELECT next_tx_id FROM event_store.event_sequencer)
                              AND NOT EXISTS (SELECT 1 FROM event_store.event_position p
                                               WHERE p.global_index = e.global_index)
                            ORDER BY e.tx_id, e.global_index""", PositionedEvent.ROW);
                    List<PositionedEvent> missing = new ArrayList<>(numbered);
                    missing.addAll(unnumbered);
                    replay(missing, declaration, handlers);
                    shadow.flush();
                    try (Statement statement = connection.createStatement()) {
                        for (String table : tables) {
                            statement.execute("DROP TABLE read_model." + table);
                            statement.execute("ALTER TABLE read_model." + table + ShadowConnection.SUFFIX
                                    + " RENAME TO " + table);
                        }
                        for (Map.Entry<String, String> index : indexNames.entrySet()) {
                            statement.execute("ALTER INDEX read_model." + index.getKey() + " RENAME TO "
                                    + index.getValue());
                        }
                    }
                    return (long) missing.size();
                });
            } catch (SQLException e) {
                if (attempt == SWAP_ATTEMPTS || !"55P03".equals(e.getSQLState())) {
                    throw e;
                }
                LOG.info("Swapping the rebuilt {} tables waited too long for a lock; trying again", group);
                Thread.sleep(50L * attempt);
            }
        }
    }

    private void replay(List<PositionedEvent> events, Declaration declaration, EventHandlerInvoker handlers)
            throws Exception {
        Map<String, Boolean> handled = new HashMap<>();
        List<? extends DomainEventMessage<?>> messages = EventStreamUtils.asStream(
                EventStreamUtils.upcastAndDeserializeDomainEvents(events.stream().map(PositionedEvent::entry)
                                // Deserializing is most of the work; skip the events no handler takes.
                                .filter(e -> handled.computeIfAbsent(e.getPayload().getType().getName(),
                                        type -> handles(handlers, type))),
                        axon.eventSerializer(), axon.upcasterChain())).toList();
        for (DomainEventMessage<?> message : declaration.recordsIndependent() ? inWaves(messages) : messages) {
            handlers.handle(message, Segment.ROOT_SEGMENT);
        }
    }

    /** Whether a handler takes this payload type; unknown types (upcast later, say) are kept to be sure. */
    private static boolean handles(EventHandlerInvoker handlers, String payloadType) {
        try {
            return handlers.canHandleType(Class.forName(payloadType, false, ReadModelRebuild.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return true;
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
