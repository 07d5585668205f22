package dev.crm.query.sql;

import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SELECT of a record type's rows: {@code read_model.<table> t} with the names its view shows besides the
 * table's own columns joined in, so that no record type writes the same joins again.
 */
public final class RecordSelect {

    private final String table;
    private final List<String> columns = new ArrayList<>(List.of("t.*"));
    private final List<String> joins = new ArrayList<>();

    private RecordSelect(String table) {
        this.table = table;
    }

    /** The rows of {@code read_model.<table>}, read as {@code t}. */
    public static RecordSelect from(String table) {
        return new RecordSelect(table);
    }

    /** The assigned user's name as {@code assigned_to_name}: null when no one is assigned or the name is empty. */
    public RecordSelect withAssigneeName() {
        joins.add("LEFT JOIN read_model.app_user u ON u.id = t.assigned_to");
        return with("nullif(trim(concat_ws(' ', u.first_name, u.last_name)), '') AS assigned_to_name");
    }

    /** The account's name as {@code account_name}. */
    public RecordSelect withAccountName() {
        joins.add("LEFT JOIN read_model.account a ON a.id = t.account_id");
        return with("a.name AS account_name");
    }

    /** One more column, an SQL expression over {@code t} with its alias. */
    public RecordSelect with(String column) {
        columns.add(column);
        return this;
    }

    /**
     * The pages of these rows, each made a view by {@code rows}; a client may order them by {@code createdAt}
     * and {@code updatedAt} (see {@link PagedSql#orderableBy} for more).
     */
    public <T> PagedSql<T> pages(RowMapper<T> rows) {
        String select = "SELECT " + String.join(", ", columns) + " FROM read_model." + table + " t"
                + (joins.isEmpty() ? "" : " " + String.join(" ", joins));
        return new PagedSql<>(select, table, Map.of("createdAt", "t.created_at", "updatedAt", "t.updated_at"), rows);
    }
}
