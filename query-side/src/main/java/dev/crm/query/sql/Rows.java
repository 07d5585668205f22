package dev.crm.query.sql;

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

    /** Axon's sequence number starts at 0; the API's version counts events from 1. */
    public static long version(long sequenceNumber) {
        return sequenceNumber + 1;
    }
}
