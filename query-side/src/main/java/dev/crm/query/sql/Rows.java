package dev.crm.query.sql;

import dev.crm.api.common.WireEnums;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Conversions between read-model columns and Java values, the same for every projection. */
public final class Rows {

    private Rows() {
    }

    /** Column values to view components: Spring's defaults, enums by their wire names, arrays as lists. */
    private static final DefaultConversionService COLUMNS = new DefaultConversionService();

    static {
        COLUMNS.addConverterFactory(new WireEnumColumns());
        COLUMNS.addConverter(java.sql.Array.class, List.class, array -> {
            try {
                return Arrays.asList((Object[]) array.getArray());
            } catch (SQLException e) {
                throw new IllegalStateException("an array column could not be read", e);
            }
        });
    }

    /**
     * A row as the view {@code type}, a record whose components are the row's columns by name
     * ({@code assigned_to_name} is {@code assignedToName}); enums and {@code text[]} columns included.
     */
    public static <T> RowMapper<T> view(Class<T> type) {
        DataClassRowMapper<T> mapper = new DataClassRowMapper<>(type);
        mapper.setConversionService(COLUMNS);
        return mapper;
    }

    /** A read model's enum columns hold the values' wire names ({@code proposal_sent}), as the API does. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class WireEnumColumns implements ConverterFactory<String, Enum> {

        @Override
        public <E extends Enum> Converter<String, E> getConverter(Class<E> type) {
            return value -> {
                Optional<Enum> parsed = WireEnums.parse((Class) type, value);
                return (E) parsed.orElseThrow(() -> new IllegalStateException(value + " is no " + type.getSimpleName()));
            };
        }
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
     * A record type's {@code select} (which reads {@code FROM read_model.<table> t}) for the records whose ids
     * are bound as {@code :ids}, a {@code text[]}. Each id is looked up by the primary key in a subquery of its
     * own ({@code LIMIT 1} keeps the planner from merging it into a join): one statement for any number of ids,
     * and a plan that stays an index lookup even when it was cached while the table was still small (a plain
     * {@code id = ANY(:ids)} can get a sequential scan then, for good).
     */
    static String byIds(String select, String table) {
        return byIds(select, table, "unnest(:ids) AS k(id)");
    }

    /**
     * {@link #byIds(String, String)} for the ids that {@code keys}, a FROM item that names them {@code k.id},
     * yields.
     */
    static String byIds(String select, String table, String keys) {
        return byIds(select, table, keys, "SELECT * FROM read_model." + table + " r WHERE r.id = k.id LIMIT 1");
    }

    /**
     * {@link #byIds(String, String, String)} with each id's row found by {@code row}, a query of at most one row
     * for the id {@code k.id} (a version of the record, say).
     */
    static String byIds(String select, String table, String keys, String row) {
        String from = "FROM read_model." + table + " t";
        if (!select.contains(from)) {
            throw new IllegalArgumentException("the query does not read " + from + ": " + select);
        }
        return select.replace(from, "FROM " + keys + " CROSS JOIN LATERAL (" + row + ") t");
    }

    /** Axon's sequence number starts at 0; the API's version counts events from 1. */
    public static long version(long sequenceNumber) {
        return sequenceNumber + 1;
    }
}
