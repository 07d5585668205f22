package dev.crm.query.asof;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one record's rows are: the processing group of the projection that keeps them, and each of its
 * tables with the column that holds the record's id. An as-of read clears these rows before it replays the
 * record's events into them.
 */
public record RecordRows(String group, Map<String, String> idColumnByTable) {

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
