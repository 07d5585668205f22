package dev.crm.query.admin;

import dev.crm.api.privacy.ErasureEvent;
import dev.crm.api.privacy.PersonalData;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each event does to a record read model, as data: one row per record (the aggregate), inserted by
 * its creation event, changed field by field by later events, removed by its deletion; every event that
 * touches the row stamps {@code updated_at} with its time and {@code version} with its sequence number + 1.
 * Its {@link RecordProjection} applies it one event at a time ({@link RecordWriter}); a rebuild computes the
 * whole table from it in one set-based statement ({@link RecordFoldSql}).
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

    /** The payload type of the creation event. */
    String creation() {
        return creation;
    }

    /** Per payload type of the creation and the changes: the columns it sets, with their values. */
    Map<String, Map<String, FoldValue>> changes() {
        return changes;
    }

    /** The payload types of the deletions. */
    List<String> deletions() {
        return deletions;
    }

    /** The payload types of the erasures. */
    List<String> erasures() {
        return List.copyOf(erasures.keySet());
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
    static boolean settable(Column column) {
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

    /** Computes the table and its versions for the partition from the events at once ({@link RecordFoldSql}). */
    @Override
    public void fill(Partition partition) throws SQLException {
        new RecordFoldSql(this, partition.columns().apply(table)).fill(partition);
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
