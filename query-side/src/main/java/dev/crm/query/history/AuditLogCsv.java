package dev.crm.query.history;

import dev.crm.api.history.HistoryQueries.ListAuditLog;
import dev.crm.query.sql.SqlWhere;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static dev.crm.query.sql.Rows.instant;

/**
 * The audit log as CSV: every entry an audit-log filter selects, oldest first, with no row limit (the query's
 * page does not apply). Read straight from {@code event_log} rather than through the query bus, because the
 * answer is streamed: a server-side cursor inside a read-only transaction hands the output
 * {@value #BATCH} rows at a time, so memory stays flat however many entries there are.
 * <p>
 * The cursor is declared in SQL ({@code DECLARE ... CURSOR}, then {@code FETCH}) rather than being the
 * driver's fetch size: PostgreSQL plans a declared cursor for its first rows, so the whole log streams in
 * the order of its position index from the first row on, where the same query run for all its rows is a
 * parallel scan and a sort of the whole table, spilt to disk, before anything goes out (measured on a
 * million entries: the first byte after 2.7 to 5.9 s). A narrow time window still takes its few rows by the
 * time index and sorts them. Read-only, the transaction never takes a transaction id, so however long a
 * download lasts it holds back no export position (the {@code EventSequencer}'s horizon is the oldest
 * running transaction id).
 * <p>
 * The values are the JSON list's, as text: {@code changes} is written again by the API's own JSON mapper,
 * so it reads exactly as the JSON list shows it.
 */
@Component
class AuditLogCsv {

    static final String HEADER = "id,occurredAt,entityType,entityId,version,type,actorId,actorName,requestId,changes";

    private static final int BATCH = 500;
    private static final String SELECT = """
            SELECT t.id, t.occurred_at, t.entity_type, t.entity_id, t.version, t.type, t.actor_id, t.actor_name,
                   t.request_id, t.changes
              FROM read_model.event_log t""";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final JsonMapper json;

    AuditLogCsv(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = json;
    }

    /** Writes the header and every matching entry to {@code out}, which it flushes but leaves open. */
    void write(ListAuditLog query, OutputStream out) {
        SqlWhere where = HistoryQueryHandler.auditLogFilters(query);
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        CsvLines csv = new CsvLines(text);
        try {
            text.write(HEADER);
            text.write("\r\n");
            readOnly.executeWithoutResult(status -> {
                jdbc.update("DECLARE audit_csv NO SCROLL CURSOR FOR " + SELECT + where.sql()
                        + " ORDER BY t.position, t.id", where.params());
                int[] fetched = new int[1];
                do {
                    fetched[0] = 0;
                    jdbc.query("FETCH " + BATCH + " FROM audit_csv", rs -> {
                        fetched[0]++;
                        try {
                            csv.line(rs.getString("id"), instant(rs, "occurred_at").toString(),
                                    rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("version"),
                                    rs.getString("type"), rs.getString("actor_id"), rs.getString("actor_name"),
                                    rs.getString("request_id"), changes(rs.getString("changes")));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } while (fetched[0] == BATCH);
                jdbc.update("CLOSE audit_csv", Map.of());
            });
            text.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored changes as the JSON list shows them: read into the entry's type and written again. */
    private String changes(String stored) {
        return json.writeValueAsString(json.readValue(stored, HistoryQueryHandler.CHANGES));
    }
}
