package dev.crm.query.admin;

import dev.crm.api.privacy.ReadablePayloads;

import javax.sql.DataSource;
import java.sql.Connection;
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
    }
}
