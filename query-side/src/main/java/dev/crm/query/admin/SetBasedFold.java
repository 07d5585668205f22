package dev.crm.query.admin;

import dev.crm.api.privacy.ReadablePayloads;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;

/**
 * What a projection's handlers do to its tables, done for a whole event store at once, so that a rebuild
 * fills the tables set-based instead of calling the handlers event by event ({@link RecordFold} for the common
 * case of one row per record, as one SQL statement). The rebuild test compares both, row for row.
 */
public interface SetBasedFold {

    /** The tables it fills. */
    List<String> tables();

    /** The stored payload types it reads; empty for every event. */
    List<String> eventTypes();

    /** Fills the shadows with one partition's share of the events. */
    void fill(Partition partition) throws Exception;

    /**
     * One of {@code count} partitions of the records ({@code (hashtext(aggregate_identifier) & 2147483647) %
     * count = index}), each filled at the same time as the others in a transaction of its own on
     * {@code connection}, where a table's unqualified name reaches its shadow. It covers the events of the
     * transactions before {@code horizon} (an {@code xid8}). {@code dataSource} gives connections for reading
     * beside it; {@code columns} tells a live table's columns. The personal fields of the events are stored
     * encrypted: a fold that reads payloads in Java makes them readable with {@code payloads}; in SQL,
     * {@code readable_payload} (a temporary table of the partition's transaction, {@link ReadablePayloadCopy})
     * holds them readable for the events of the fold's types that may have personal data.
     */
    record Partition(Connection connection, DataSource dataSource, String horizon, int count, int index,
                     Function<String, List<RecordFold.Column>> columns, ReadablePayloads payloads) {

        /**
         * A connection from {@code dataSource} in a transaction of its own (roll it back when done: it only
         * reads), set for reading a whole partition's events in one query: a sort in memory as far as it goes;
         * no parallel workers or JIT compilation, since the partitions already keep the cores busy; and hash
         * joins only. The partition's filter is estimated at 0.5% of the events instead of 1/count, so the
         * planner otherwise looked each event's person and key up by index, a million and a half lookups per
         * partition at a million contacts (7 of the audit log's 22 s query).
         */
        public Connection reader() throws SQLException {
            Connection reader = dataSource.getConnection();
            try (Statement settings = reader.createStatement()) {
                reader.setAutoCommit(false);
                settings.execute("SET LOCAL work_mem = '256MB'");
                settings.execute("SET LOCAL max_parallel_workers_per_gather = 0");
                settings.execute("SET LOCAL jit = off");
                settings.execute("SET LOCAL enable_nestloop = off");
            } catch (SQLException | RuntimeException e) {
                reader.close();
                throw e;
            }
            return reader;
        }
    }
}
