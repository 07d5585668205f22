package dev.crm.query.admin;

import dev.crm.query.sql.Rows;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What an event sets a column to in a {@link RecordFold}: SQL over the event's payload and time. */
public sealed interface FoldValue {

    /** The event's field {@code name}, converted to the column's type. */
    static FoldValue field(String name) {
        return new Field(name);
    }

    /** The time of the event, as the handlers store it (milliseconds). */
    static FoldValue eventTime() {
        return new EventTime();
    }

    /** A constant text (a wire enum value, say). */
    static FoldValue text(String text) {
        return new Text(text);
    }

    /** The value for {@code column}, given the SQL names of the event's payload (jsonb) and time (text). */
    String sql(RecordFold.Column column, String payload, String time);

    /** The value for {@code column} of one event, as a JDBC parameter: what {@link #sql} computes from it. */
    Object of(RecordFold.Column column, Record event, Instant at);

    record Field(String name) implements FoldValue {

        @Override
        public String sql(RecordFold.Column column, String payload, String time) {
            String text = payload + " ->> '" + name + "'";
            return switch (column.type()) {
                case "text" -> text;
                case "text[]" -> "CASE WHEN jsonb_typeof(" + payload + " -> '" + name + "') = 'array' THEN ARRAY("
                        + "SELECT jsonb_array_elements_text(" + payload + " -> '" + name + "')) ELSE '{}' END";
                case "timestamp with time zone" -> EventTime.sql(text);
                default -> "(" + text + ")::" + column.type();
            };
        }

        @Override
        public Object of(RecordFold.Column column, Record event, Instant at) {
            Object value = read(event);
            if (column.type().equals("text[]")) {
                return value instanceof List<?> list ? list.stream().map(String::valueOf).toArray(String[]::new)
                        : new String[0];
            }
            if (value instanceof Enum<?> wire) {
                return wire.toString();
            }
            return value instanceof Instant time ? Rows.timestamp(time) : value;
        }

        private Object read(Record event) {
            Method accessor = ACCESSORS.get(event.getClass()).get(name);
            if (accessor == null) {
                throw new IllegalArgumentException(event.getClass() + " has no field " + name);
            }
            try {
                return accessor.invoke(event);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + name + " of " + event.getClass(), e);
            }
        }

        /** Each event type's accessors by field name, looked up once (live writes read them for every event). */
        private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
            @Override
            protected Map<String, Method> computeValue(Class<?> type) {
                Map<String, Method> accessors = new HashMap<>();
                for (RecordComponent component : type.getRecordComponents()) {
                    accessors.put(component.getName(), component.getAccessor());
                }
                return accessors;
            }
        };
    }

    record EventTime() implements FoldValue {

        /**
         * ISO-8601 text as the handlers store it: cut (not rounded) to the millisecond, as Java's
         * {@code truncatedTo(MILLIS)} does; PostgreSQL alone would round the digits beyond microseconds.
         */
        static String sql(String time) {
            // Only a text longer than "2026-01-01T09:00:00.123456Z" has digits beyond microseconds.
            return "date_trunc('milliseconds', (CASE WHEN length(" + time + ") > 27 THEN regexp_replace(" + time
                    + ", '(\\.\\d{3})\\d+', '\\1') ELSE " + time + " END)::timestamptz)";
        }

        @Override
        public String sql(RecordFold.Column column, String payload, String time) {
            return sql(time);
        }

        @Override
        public Object of(RecordFold.Column column, Record event, Instant at) {
            return Rows.timestamp(at);
        }
    }

    record Text(String text) implements FoldValue {

        @Override
        public String sql(RecordFold.Column column, String payload, String time) {
            return "'" + text.replace("'", "''") + "'";
        }

        @Override
        public Object of(RecordFold.Column column, Record event, Instant at) {
            return text;
        }
    }
}
