package dev.crm.query.asof;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one record's past is: in the versions its table keeps ({@link #VERSIONED}, every record type with a
 * list), or only in its events: then the processing group of the projection that keeps the record's rows, and
 * each of its tables with the column that holds the record's id. An as-of read of such a record clears these
 * rows before it replays the record's events into them.
 */
public record RecordRows(String group, Map<String, String> idColumnByTable) {

    /** A record type whose table keeps its versions: an as-of read looks the version up. */
    public static final RecordRows VERSIONED = new RecordRows(null, Map.of());

    /** The record's row in {@code table}, found by its {@code id}. */
    public static RecordRows of(String group, String table) {
        return new RecordRows(group, Map.of(table, "id"));
    }

    /** These rows and the rows of {@code table} whose {@code idColumn} holds the record's id. */
    public RecordRows and(String table, String idColumn) {
        Map<String, String> tables = new LinkedHashMap<>(idColumnByTable);
        tables.put(table, idColumn);
        return new RecordRows(group, tables);
    }
}
