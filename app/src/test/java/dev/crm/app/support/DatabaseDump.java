package dev.crm.app.support;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.StringWriter;
import java.util.List;

/**
 * The data of every table of the database as text: what {@code pg_dump} writes for the data, one
 * {@code COPY ... TO STDOUT} per table of every schema (the embedded PostgreSQL ships without {@code pg_dump},
 * and the system's may be older than the server). Live rows only, as a dump has them.
 */
public final class DatabaseDump {

    private DatabaseDump() {
    }

    public static String of(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("""
                SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
                 WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1""", String.class);
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            StringWriter dump = new StringWriter();
            for (String table : tables) {
                dump.append("-- ").append(table).append('\n');
                try {
                    connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + table + " TO STDOUT", dump);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return dump.toString();
        });
    }
}
