package dev.crm.query.sql;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/** Conversions between read-model columns and Java values, the same for every projection. */
public final class Rows {

    private Rows() {
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static List<String> tags(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** Times as the API shows them: UTC, millisecond precision; {@code null} stays {@code null}. */
    public static Timestamp timestamp(Instant time) {
        return time == null ? null : Timestamp.from(time.truncatedTo(ChronoUnit.MILLIS));
    }

    public static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    /**
     * Sets {@code assignments} ({@code "stage = ?, title = ?"}, bound to {@code values}) on one record's row of
     * a read-model table, and stamps the row with the event's time and the record's new version.
     */
    public static void updateRecord(JdbcTemplate jdbc, String table, String id, Instant at, long sequence,
                                    String assignments, Object... values) {
        Object[] args = Arrays.copyOf(values, values.length + 3);
        args[values.length] = timestamp(at);
        args[values.length + 1] = version(sequence);
        args[values.length + 2] = id;
        jdbc.update("UPDATE " + table + " SET " + assignments + ", updated_at = ?, version = ? WHERE id = ?", args);
    }

    /** Axon's sequence number starts at 0; the API's version counts events from 1. */
    public static long version(long sequenceNumber) {
        return sequenceNumber + 1;
    }
}
