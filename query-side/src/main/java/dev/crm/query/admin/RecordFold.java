package dev.crm.query.admin;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.util.stream.Collectors;

/**
 * What each event does to a record read model, as data: one row per record (the aggregate), inserted by
 * its creation event, changed field by field by later events, removed by its deletion; every event that
 * touches the row stamps {@code updated_at} with its time and {@code version} with its sequence number + 1.
 * Its {@link RecordProjection} applies it one event at a time ({@link RecordWriter}); a rebuild computes the
 * whole table from it in one set-based statement ({@link #statement}).
 * <p>
 * An event sets the columns named like its fields ({@code assignedTo} sets {@code assigned_to}); fields
 * without such a column are ignored and the record id comes from the aggregate. {@link #with} adds what
 * an event sets beyond its fields. A row's column then holds the value from the last event that sets it,
 * or its creation event's, or the column's default: what applying the events in order leaves. The
 * rebuild test compares the two, row for row. The statement reads the stored payloads as they are, so a
 * rebuild replays event by event instead as soon as an upcaster exists (an event type that gained a field
 * has one).
 */
public final class RecordFold implements SetBasedFold {

    private final String table;
    private final String creation;
    private final Map<String, Map<String, FoldValue>> changes = new LinkedHashMap<>();
    private final List<String> deletions = new ArrayList<>();

    private RecordFold(String table, Class<?> creation) {
        this.table = table;
        this.creation = creation.getName();
        changes.put(this.creation, fields(creation));
    }

    /** The fold into {@code read_model.<table>} of the records {@code creation} creates. */
    public static RecordFold of(String table, Class<? extends Record> creation) {
        return new RecordFold(table, creation);
    }

    /** Events that set the columns named like their fields. */
    @SafeVarargs
    public final RecordFold changedBy(Class<? extends Record>... events) {
        for (Class<? extends Record> event : events) {
            // What with() said for the event stays: it wins over a field of the same name.
            changes.merge(event.getName(), fields(event), (said, fields) -> {
                fields.putAll(said);
                return fields;
            });
        }
        return this;
    }

    /** What {@code event} (a creation or a change) sets besides its fields: {@code column} to {@code value}. */
    public RecordFold with(Class<? extends Record> event, String column, FoldValue value) {
        changes.computeIfAbsent(event.getName(), name -> new LinkedHashMap<>()).put(column, value);
        return this;
    }

    /** Events that remove the record. */
    @SafeVarargs
    public final RecordFold deletedBy(Class<? extends Record>... events) {
        for (Class<? extends Record> event : events) {
            deletions.add(event.getName());
        }
        return this;
    }

    /** The table it keeps. */
    String table() {
        return table;
    }

    /** What an event of this payload type does to its record's row. */
    enum Effect { CREATES, CHANGES, DELETES, NOTHING }

    Effect effectOf(String eventType) {
        return eventType.equals(creation) ? Effect.CREATES : changes.containsKey(eventType) ? Effect.CHANGES
                : deletions.contains(eventType) ? Effect.DELETES : Effect.NOTHING;
    }

    /** The columns (of {@code columns}, in their order) an event of this payload type sets, with their values. */
    Map<Column, FoldValue> setBy(String eventType, List<Column> columns) {
        Map<String, FoldValue> said = changes.getOrDefault(eventType, Map.of());
        Map<Column, FoldValue> set = new LinkedHashMap<>();
        columns.stream().filter(column -> settable(column) && said.containsKey(column.name()))
                .forEach(column -> set.put(column, said.get(column.name())));
        return set;
    }

    /** Whether events set the column: not when generated, nor the id and the times and version every row has. */
    private static boolean settable(Column column) {
        return !column.generated() && !List.of("id", "created_at", "updated_at", "version").contains(column.name());
    }

    @Override
    public List<String> tables() {
        return List.of(table);
    }

    /** Every payload type the fold reads. */
    @Override
    public List<String> eventTypes() {
        List<String> types = new ArrayList<>(changes.keySet());
        types.addAll(deletions);
        return types;
    }

    /** Runs {@link #statement} for the partition. */
    @Override
    public void fill(Partition partition) throws SQLException {
        try (PreparedStatement insert = partition.connection().prepareStatement(
                statement(partition.columns().apply(table)))) {
            insert.setString(1, partition.horizon());
            insert.setInt(2, partition.count());
            insert.setInt(3, partition.index());
            insert.executeUpdate();
        }
    }

    /**
     * The statement that inserts every record as of the events of transactions before the first parameter
     * (an {@code xid8}) whose record falls into partition {@code ?} (the third parameter) of {@code ?} (the
     * second): partitions split the records by a hash of their id, so that several connections can share
     * the work. {@code columns} are the table's, as {@link Column}s.
     */
    String statement(List<Column> columns) {
        Map<String, Column> byName = columns.stream().collect(Collectors.toMap(Column::name, c -> c));
        for (String required : List.of("id", "created_at", "updated_at", "version")) {
            if (!byName.containsKey(required)) {
                throw new IllegalStateException(table + " has no column " + required);
            }
        }
        // Kinds travel as their number in eventTypes() (1: the creation): cheaper to compare than names.
        List<String> types = eventTypes();
        // For each column the changes that set it; columns set by the same changes share their aggregates.
        Map<List<String>, Integer> groups = new LinkedHashMap<>();
        Set<Integer> timed = new HashSet<>();
        List<String> targets = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Column column : columns) {
            if (!settable(column)) {
                continue;
            }
            List<String> setters = changes.entrySet().stream()
                    .filter(c -> !c.getKey().equals(creation) && c.getValue().containsKey(column.name()))
                    .map(Map.Entry::getKey).toList();
            FoldValue created = changes.get(creation).get(column.name());
            if (setters.isEmpty() && created == null) {
                continue; // the handlers leave it at its default
            }
            String otherwise = created != null ? created.sql(column, "p0", "at0")
                    : column.defaultValue() == null ? "NULL" : column.defaultValue();
            StringBuilder value = new StringBuilder();
            if (setters.isEmpty()) {
                value.append(otherwise);
            } else {
                int group = groups.computeIfAbsent(setters, s -> groups.size() + 1);
                value.append("CASE");
                for (String setter : setters) {
                    FoldValue set = changes.get(setter).get(column.name());
                    if (set instanceof FoldValue.EventTime) {
                        timed.add(group);
                    }
                    value.append(setters.size() == 1 ? " WHEN p" + group + " IS NOT NULL"
                                    : " WHEN k" + group + " = " + (types.indexOf(setter) + 1))
                            .append(" THEN ").append(set.sql(column, "p" + group, "at" + group));
                }
                value.append(" ELSE ").append(otherwise).append(" END");
            }
            targets.add(column.name());
            values.add(value.toString());
        }
        // The last event of each group of changes: its kind (if there are several), payload and time (if used).
        StringBuilder aggregates = new StringBuilder();
        groups.forEach((setters, group) -> {
            String filter = " ORDER BY seq DESC) FILTER (WHERE kind IN (" + setters.stream()
                    .map(setter -> String.valueOf(types.indexOf(setter) + 1)).collect(Collectors.joining(", "))
                    + ")))[1] AS ";
            if (setters.size() > 1) {
                aggregates.append(",\n           (array_agg(kind").append(filter).append('k').append(group);
            }
            aggregates.append(",\n           (array_agg(p").append(filter).append('p').append(group);
            if (timed.contains(group)) {
                aggregates.append(",\n           (array_agg(at").append(filter).append("at").append(group);
            }
        });
        String deleted = deletions.stream().map(d -> String.valueOf(types.indexOf(d) + 1))
                .collect(Collectors.joining(", "));
        return """
                WITH event AS (
                    SELECT e.aggregate_identifier COLLATE "C" AS id, e.sequence_number AS seq,
                           array_position(ARRAY[%s], e.payload_type::text) AS kind,
                           coalesce(r.payload, convert_from(e.payload, 'UTF8')::jsonb) AS p, e.time_stamp AS at
                      FROM event_store.domain_event_entry e
                      LEFT JOIN readable_payload r ON r.global_index = e.global_index
                     WHERE e.tx_id < ?::xid8 AND e.payload_type IN (%s)
                       AND (hashtext(e.aggregate_identifier) & 2147483647) %% ? = ?),
                record AS (
                    SELECT id, max(seq) AS seq, (array_agg(at ORDER BY seq DESC))[1] AS updated_at,
                           coalesce(bool_or(kind IN (%s)), false) AS deleted,
                           (array_agg(p ORDER BY seq DESC) FILTER (WHERE kind = 1))[1] AS p0,
                           (array_agg(at ORDER BY seq DESC) FILTER (WHERE kind = 1))[1] AS at0%s
                      FROM event GROUP BY id)
                INSERT INTO %s (id, %s, created_at, updated_at, version)
                SELECT id, %s,
                       %s, %s, seq + 1
                  FROM record WHERE p0 IS NOT NULL AND NOT deleted""".formatted(quoted(types), quoted(types),
                deleted.isEmpty() ? "NULL" : deleted, aggregates, table, String.join(", ", targets),
                String.join(",\n       ", values), FoldValue.EventTime.sql("at0"),
                FoldValue.EventTime.sql("updated_at"));
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n.replace("'", "''") + "'").collect(Collectors.joining(", "));
    }

    /** The event's fields as the columns of the same names (snake_case). */
    private static Map<String, FoldValue> fields(Class<?> event) {
        Map<String, FoldValue> fields = new LinkedHashMap<>();
        for (var component : event.getRecordComponents()) {
            String field = component.getName();
            fields.put(field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(), FoldValue.field(field));
        }
        return fields;
    }

    /** A column of the table: its name, its SQL type, whether it is generated, its default. */
    public record Column(String name, String type, boolean generated, String defaultValue) {
    }
}
