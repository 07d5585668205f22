package dev.crm.query.admin;

import dev.crm.api.privacy.ErasureEvent;
import dev.crm.api.privacy.PersonalData;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** What a record table's name takes for the table of its versions ({@code contact_version}). */
    public static final String VERSIONS = "_version";

    private final String table;
    private final String creation;
    private final Map<String, Map<String, FoldValue>> changes = new LinkedHashMap<>();
    private final List<String> deletions = new ArrayList<>();
    /** Erasure event to the column that holds the erased record's id. */
    private final Map<String, String> erasures = new LinkedHashMap<>();
    private final List<String> personalColumns = new ArrayList<>();

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

    /**
     * An event that erases the personal data of a deleted record, whose id is in {@code idColumn} ({@code id}
     * for the record itself, {@code contact_id} for a contact's notes): the versions' personal columns then
     * read {@value PersonalData#ERASED} where they held a value, as a rebuild from the events, whose personal
     * fields can no longer be decrypted, reads them. Declared after the changes (they tell which columns are
     * personal).
     */
    public RecordFold erasedBy(Class<? extends ErasureEvent> event, String idColumn) {
        erasures.put(event.getName(), idColumn);
        for (String change : changes.keySet()) {
            personalFields(change).forEach(column -> {
                if (!personalColumns.contains(column)) {
                    personalColumns.add(column);
                }
            });
        }
        return this;
    }

    /** The table it keeps. */
    String table() {
        return table;
    }

    /** The table of the records' versions: one row per event of a record, valid until its next event. */
    String versions() {
        return table + VERSIONS;
    }

    /** The columns an erasure overwrites in the versions. */
    List<String> personalColumns() {
        return personalColumns;
    }

    /** The column of the versions that holds the id of the record an erasure of this type erased. */
    String erasedId(String eventType) {
        return erasures.get(eventType);
    }

    /** What an event of this payload type does to its record's row. */
    enum Effect { CREATES, CHANGES, DELETES, ERASES, NOTHING }

    Effect effectOf(String eventType) {
        return eventType.equals(creation) ? Effect.CREATES : changes.containsKey(eventType) ? Effect.CHANGES
                : deletions.contains(eventType) ? Effect.DELETES : erasures.containsKey(eventType) ? Effect.ERASES
                : Effect.NOTHING;
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
        return List.of(table, versions());
    }

    /** Every payload type the fold reads. */
    @Override
    public List<String> eventTypes() {
        List<String> types = new ArrayList<>(changes.keySet());
        types.addAll(deletions);
        types.addAll(erasures.keySet());
        return types;
    }

    /**
     * Runs {@link #statement} and {@link #versionsStatement} for the partition; the triggers that keep the
     * versions as rows are written stand aside meanwhile ({@code crm.versions_folded}).
     */
    @Override
    public void fill(Partition partition) throws SQLException {
        List<Column> columns = partition.columns().apply(table);
        try (PreparedStatement folded = partition.connection().prepareStatement(
                "SELECT set_config('crm.versions_folded', 'on', true)")) {
            folded.execute();
        }
        for (String sql : List.of(statement(columns), versionsStatement(columns))) {
            try (PreparedStatement insert = partition.connection().prepareStatement(sql)) {
                insert.setString(1, partition.horizon());
                insert.setInt(2, partition.count());
                insert.setInt(3, partition.index());
                insert.executeUpdate();
            }
        }
        try (PreparedStatement folded = partition.connection().prepareStatement(
                "SELECT set_config('crm.versions_folded', 'off', true)")) {
            folded.execute();
        }
    }

    /**
     * The statement that inserts every record as of the events of transactions before the first parameter
     * (an {@code xid8}) whose record falls into partition {@code ?} (the third parameter) of {@code ?} (the
     * second): partitions split the records by a hash of their id, so that several connections can share
     * the work. {@code columns} are the table's, as {@link Column}s.
     */
    String statement(List<Column> columns) {
        Values values = values(columns);
        List<String> types = eventTypes();
        // The last event of each group of changes: its kind (if there are several), payload and time (if used).
        StringBuilder aggregates = new StringBuilder();
        values.groups().forEach((setters, group) -> {
            String filter = " ORDER BY seq DESC) FILTER (WHERE kind IN (" + kinds(setters) + ")))[1] AS ";
            if (setters.size() > 1) {
                aggregates.append(",\n           (array_agg(kind").append(filter).append('k').append(group);
            }
            aggregates.append(",\n           (array_agg(p").append(filter).append('p').append(group);
            if (values.timed().contains(group)) {
                aggregates.append(",\n           (array_agg(at").append(filter).append("at").append(group);
            }
        });
        return """
                WITH event AS (%s),
                record AS (
                    SELECT id, max(seq) AS seq, (array_agg(at ORDER BY seq DESC))[1] AS updated_at,
                           coalesce(bool_or(kind IN (%s)), false) AS deleted,
                           (array_agg(p ORDER BY seq DESC) FILTER (WHERE kind = 1))[1] AS p0,
                           (array_agg(at ORDER BY seq DESC) FILTER (WHERE kind = 1))[1] AS at0%s
                      FROM event GROUP BY id)
                INSERT INTO %s (id, %s, created_at, updated_at, version)
                SELECT id, %s,
                       %s, %s, seq + 1
                  FROM record WHERE p0 IS NOT NULL AND NOT deleted""".formatted(events(types),
                kinds(deletions).isEmpty() ? "NULL" : kinds(deletions), aggregates, table,
                String.join(", ", values.targets()), String.join(",\n       ", values.values()),
                FoldValue.EventTime.sql("at0"), FoldValue.EventTime.sql("updated_at"));
    }

    /**
     * The statement that inserts every version of the records {@link #statement} folds (same parameters):
     * one per event but the deletion, with the columns as the events up to it leave them, valid until the
     * record's next event. A column's value comes from the last event up to the version that sets it: the
     * events are numbered by how many of its setters came so far ({@code g1}, ...), and the first event of
     * each such run is the setter.
     */
    String versionsStatement(List<Column> columns) {
        Values values = values(columns);
        List<String> types = eventTypes();
        StringBuilder counters = new StringBuilder();
        StringBuilder setters = new StringBuilder();
        values.groups().forEach((group, number) -> {
            counters.append(",\n           count(*) FILTER (WHERE kind IN (").append(kinds(group))
                    .append(")) OVER w AS g").append(number);
            String run = " OVER (PARTITION BY id, g" + number + " ORDER BY seq) END AS ";
            String first = ",\n           CASE WHEN g" + number + " > 0 THEN first_value(";
            if (group.size() > 1) {
                setters.append(first).append("kind)").append(run).append('k').append(number);
            }
            setters.append(first).append("p)").append(run).append('p').append(number);
            if (values.timed().contains(number)) {
                setters.append(first).append("at)").append(run).append("at").append(number);
            }
        });
        return """
                WITH event AS (%s),
                numbered AS (
                    SELECT id, seq, kind, p, at, lead(at) OVER w AS valid_to,
                           coalesce(bool_or(kind IN (%s)) OVER (PARTITION BY id), false) AS deleted,
                           first_value(kind) OVER w AS kind0, first_value(p) OVER w AS p0,
                           first_value(at) OVER w AS at0%s
                      FROM event WHERE kind NOT IN (%s) WINDOW w AS (PARTITION BY id ORDER BY seq)),
                version AS (
                    SELECT id, seq, kind, at, valid_to, deleted, kind0, p0, at0%s
                      FROM numbered)
                INSERT INTO %s (id, %s, created_at, updated_at, version, valid_to, deleted)
                SELECT id, %s,
                       %s, %s, seq + 1, coalesce(%s, 'infinity'), deleted
                  FROM version WHERE kind0 = 1 AND kind NOT IN (%s)""".formatted(events(types),
                kinds(deletions).isEmpty() ? "NULL" : kinds(deletions), counters,
                erasures.isEmpty() ? "0" : kinds(List.copyOf(erasures.keySet())), setters, versions(),
                String.join(", ", values.targets()), String.join(",\n       ", values.values()),
                FoldValue.EventTime.sql("at0"), FoldValue.EventTime.sql("at"), FoldValue.EventTime.sql("valid_to"),
                kinds(deletions).isEmpty() ? "0" : kinds(deletions));
    }

    /**
     * The columns the events set and their values, as SQL over the last setter of each group of changes
     * ({@code p1}, {@code k1}, {@code at1}, ...; several columns set by the same changes share one group)
     * and the creation ({@code p0}, {@code at0}).
     */
    private record Values(List<String> targets, List<String> values, Map<List<String>, Integer> groups,
                          Set<Integer> timed) {
    }

    private Values values(List<Column> columns) {
        Map<String, Column> byName = columns.stream().collect(Collectors.toMap(Column::name, c -> c));
        for (String required : List.of("id", "created_at", "updated_at", "version")) {
            if (!byName.containsKey(required)) {
                throw new IllegalStateException(table + " has no column " + required);
            }
        }
        // Kinds travel as their number in eventTypes() (1: the creation): cheaper to compare than names.
        List<String> types = eventTypes();
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
        return new Values(targets, values, groups, timed);
    }

    /** The events of the fold's {@code types} in the partition, numbered by their kind (1: the creation). */
    private static String events(List<String> types) {
        return """
                    SELECT e.aggregate_identifier COLLATE "C" AS id, e.sequence_number AS seq,
                           array_position(ARRAY[%s], e.payload_type::text) AS kind,
                           coalesce(r.payload, convert_from(e.payload, 'UTF8')::jsonb) AS p, e.time_stamp AS at
                      FROM event_store.domain_event_entry e
                      LEFT JOIN readable_payload r ON r.global_index = e.global_index
                     WHERE e.tx_id < ?::xid8 AND e.payload_type IN (%s)
                       AND (hashtext(e.aggregate_identifier) & 2147483647) %% ? = ?""".formatted(quoted(types),
                quoted(types));
    }

    /** The kinds (numbers, see {@link #events}) of these payload types, comma-separated. */
    private String kinds(List<String> names) {
        List<String> types = eventTypes();
        return names.stream().map(name -> String.valueOf(types.indexOf(name) + 1)).collect(Collectors.joining(", "));
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n.replace("'", "''") + "'").collect(Collectors.joining(", "));
    }

    /** The columns of the event's personal fields (snake_case). */
    private static List<String> personalFields(String event) {
        try {
            return Arrays.stream(Class.forName(event).getRecordComponents())
                    .filter(component -> component.isAnnotationPresent(PersonalData.class))
                    .map(component -> column(component.getName())).toList();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String column(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    /** The event's fields as the columns of the same names (snake_case). */
    private static Map<String, FoldValue> fields(Class<?> event) {
        Map<String, FoldValue> fields = new LinkedHashMap<>();
        for (var component : event.getRecordComponents()) {
            String field = component.getName();
            fields.put(column(field), FoldValue.field(field));
        }
        return fields;
    }

    /** A column of the table: its name, its SQL type, whether it is generated, its default. */
    public record Column(String name, String type, boolean generated, String defaultValue) {
    }
}
