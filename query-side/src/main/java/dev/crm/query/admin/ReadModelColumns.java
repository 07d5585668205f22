package dev.crm.query.admin;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The columns of the read-model tables, as {@link RecordFold}s need to know them; read once per table. */
@Component
class ReadModelColumns {

    private final JdbcTemplate jdbc;
    private final Map<String, List<RecordFold.Column>> tables = new ConcurrentHashMap<>();

    ReadModelColumns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<RecordFold.Column> of(String table) {
        return tables.computeIfAbsent(table, this::read);
    }

    private List<RecordFold.Column> read(String table) {
        return jdbc.query("""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attgenerated <> '' AS generated,
                       pg_get_expr(d.adbin, d.adrelid) AS default_value
                  FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                 WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""",
                (rs, n) -> new RecordFold.Column(rs.getString("attname"), rs.getString("type"),
                        rs.getBoolean("generated"), rs.getBoolean("generated") ? null : rs.getString("default_value")),
                "read_model." + table);
    }
}
