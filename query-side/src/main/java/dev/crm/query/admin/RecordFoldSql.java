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
 * The set-based statements of a {@link RecordFold}: what a rebuild runs to compute the whole table, and the
 * table of its versions, from the event store at once, instead of applying the events one at a time.
 * Generated from the fold's declaration and the table's columns; the rebuild test compares the outcome with
 * the live projection's, row for row.
 */
final class RecordFoldSql {

    private final RecordFold fold;
    private final Values values;

    RecordFoldSql(RecordFold fold, List<RecordFold.Column> columns) {
        this.fold = fold;
        this.values = values(columns);
    }

    /**
     * Runs {@link #statement} and {@link #versionsStatement} for the partition; the triggers that keep the
     * versions as rows are written stand aside meanwhile ({@code crm.versions_folded}).
     */
    void fill(SetBasedFold.Partition partition) throws SQLException {
        try (PreparedStatement folded = partition.connection().prepareStatement(
                "SELECT set_config('crm.versions_folded', 'on', true)")) {
            folded.execute();
        }
        for (String sql : List.of(statement(), versionsStatement())) {
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
    String statement() {
        List<String> types = fold.eventTypes();
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
                kinds(fold.deletions()).isEmpty() ? "NULL" : kinds(fold.deletions()), aggregates, fold.table(),
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
    String versionsStatement() {
        List<String> types = fold.eventTypes();
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
                kinds(fold.deletions()).isEmpty() ? "NULL" : kinds(fold.deletions()), counters,
                fold.erasures().isEmpty() ? "0" : kinds(fold.erasures()), setters, fold.versions(),
                String.join(", ", values.targets()), String.join(",\n       ", values.values()),
                FoldValue.EventTime.sql("at0"), FoldValue.EventTime.sql("at"), FoldValue.EventTime.sql("valid_to"),
                kinds(fold.deletions()).isEmpty() ? "0" : kinds(fold.deletions()));
    }

    /**
     * The columns the events set and their values, as SQL over the last setter of each group of changes
     * ({@code p1}, {@code k1}, {@code at1}, ...; several columns set by the same changes share one group)
     * and the creation ({@code p0}, {@code at0}).
     */
    private record Values(List<String> targets, List<String> values, Map<List<String>, Integer> groups,
                          Set<Integer> timed) {
    }

    private Values values(List<RecordFold.Column> columns) {
        Map<String, RecordFold.Column> byName = columns.stream()
                .collect(Collectors.toMap(RecordFold.Column::name, c -> c));
        for (String required : List.of("id", "created_at", "updated_at", "version")) {
            if (!byName.containsKey(required)) {
                throw new IllegalStateException(fold.table() + " has no column " + required);
            }
        }
        // Kinds travel as their number in eventTypes() (1: the creation): cheaper to compare than names.
        List<String> types = fold.eventTypes();
        Map<String, Map<String, FoldValue>> changes = fold.changes();
        String creation = fold.creation();
        Map<List<String>, Integer> groups = new LinkedHashMap<>();
        Set<Integer> timed = new HashSet<>();
        List<String> targets = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (RecordFold.Column column : columns) {
            if (!RecordFold.settable(column)) {
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
        List<String> types = fold.eventTypes();
        return names.stream().map(name -> String.valueOf(types.indexOf(name) + 1)).collect(Collectors.joining(", "));
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n.replace("'", "''") + "'").collect(Collectors.joining(", "));
    }
}
