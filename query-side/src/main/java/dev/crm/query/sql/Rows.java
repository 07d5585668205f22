package dev.crm.query.sql;

import dev.crm.api.common.WireEnums;
import org.springframework.jdbc.core.RowMapper;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Conversions between read-model columns and Java values, the same for every projection. */
public final class Rows {

    private Rows() {
    }

    /**
     * A row as the view {@code type}, a record whose components are the row's columns by name
     * ({@code assigned_to_name} is {@code assignedToName}); enums and {@code text[]} columns included.
     */
    public static <T> RowMapper<T> view(Class<T> type) {
        return new ViewRows<>(type);
    }

    /**
     * Maps a row to a record through its canonical constructor, each component read from the column of its name
     * in snake case. Not {@link org.springframework.jdbc.core.DataClassRowMapper}: per row and column it asks the
     * result set for the lower-cased name first and the driver for the component's own type, and each refusal
     * is an exception, which cost a list page more than its query.
     */
    private static final class ViewRows<T> implements RowMapper<T> {

        private final Constructor<T> constructor;
        private final String[] columns;
        private final Class<?>[] types;

        ViewRows(Class<T> type) {
            RecordComponent[] components = type.getRecordComponents();
            columns = Arrays.stream(components)
                    .map(c -> c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT))
                    .toArray(String[]::new);
            types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                constructor = type.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(type + " is not a record", e);
            }
        }

        @Override
        public T mapRow(ResultSet rs, int rowNum) throws SQLException {
            Object[] values = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                values[i] = value(rs, columns[i], types[i]);
            }
            try {
                return constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("could not make a " + constructor.getDeclaringClass(), e);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object value(ResultSet rs, String column, Class<?> type) throws SQLException {
            if (type == String.class) {
                return rs.getString(column);
            }
            if (type == boolean.class) {
                return rs.getBoolean(column);
            }
            if (type == long.class) {
                return rs.getLong(column);
            }
            if (type == Instant.class) {
                return instant(rs, column);
            }
            if (type == List.class) {
                java.sql.Array array = rs.getArray(column);
                return array == null ? List.of() : Arrays.asList((Object[]) array.getArray());
            }
            if (type.isEnum()) {
                String value = rs.getString(column);
                return value == null ? null : wireEnum((Class) type, value);
            }
            return rs.getObject(column, type); // Integer, BigDecimal, LocalDate: null stays null
        }

        private static <E extends Enum<E>> E wireEnum(Class<E> type, String value) {
            return WireEnums.parse(type, value)
                    .orElseThrow(() -> new IllegalStateException(value + " is no " + type.getSimpleName()));
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
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
