package dev.crm.query.admin;

import dev.crm.api.privacy.ReadablePayloads;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The decryption pass of a set-based rebuild: the events of one partition whose payloads may hold personal
 * fields, read with their persons' keys (joined in the query), made readable in Java and copied into
 * {@code readable_payload}, a temporary table of the partition's transaction that SQL folds join. It is
 * dropped when the transaction ends, is never logged, and no other session can see it.
 */
final class ReadablePayloadCopy {

    private static final String EVENTS = """
            SELECT e.global_index, e.payload_type, convert_from(e.payload, 'UTF8'), %s
              FROM event_store.domain_event_entry e
            %s
             WHERE e.tx_id < ?::xid8 AND e.payload_type = ANY (?)
               AND (hashtext(e.aggregate_identifier) & 2147483647) %% ? = ?""".formatted(ReadablePayloads.PERSON_KEY,
            ReadablePayloads.PERSON_KEY_JOIN);

    private ReadablePayloadCopy() {
    }

    /** Creates {@code readable_payload} on the partition's connection, with the events of {@code types}. */
    static void fill(SetBasedFold.Partition partition, List<String> types) throws SQLException {
        try (Statement create = partition.connection().createStatement()) {
            create.execute("CREATE TEMPORARY TABLE readable_payload (global_index bigint PRIMARY KEY, payload jsonb)"
                    + " ON COMMIT DROP");
        }
        List<String> personal = types.stream().filter(partition.payloads()::mayHoldPersonalData).toList();
        if (personal.isEmpty()) {
            return;
        }
        CopyIn copy = partition.connection().unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY readable_payload (global_index, payload) FROM STDIN (FORMAT csv)");
        try (Connection reader = partition.reader()) {
            try (PreparedStatement events = reader.prepareStatement(EVENTS)) {
                events.setFetchSize(5_000);
                events.setString(1, partition.horizon());
                events.setArray(2, reader.createArrayOf("text", personal.toArray()));
                events.setInt(3, partition.count());
                events.setInt(4, partition.index());
                try (ResultSet rs = events.executeQuery()) {
                    StringBuilder rows = new StringBuilder();
                    while (rs.next()) {
                        String readable = partition.payloads().readable(rs.getString(2), rs.getString(3),
                                rs.getBytes(4));
                        rows.append(rs.getLong(1)).append(",\"").append(readable.replace("\"", "\"\"")).append("\"\n");
                        if (rows.length() > 1 << 16) {
                            write(copy, rows);
                        }
                    }
                    write(copy, rows);
                }
            } finally {
                reader.rollback(); // it only read
            }
            copy.endCopy();
        } catch (SQLException | RuntimeException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
    }

    private static void write(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }
}
