package dev.crm.query.sql;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The projections' writes, held until their transaction needs them and then sent together: just before it
 * commits, or before any other statement runs in it ({@link FlushingJdbcTemplate}), so that nothing ever
 * reads past a held write. Each table's statements keep their order; consecutive executions of one statement
 * on one table travel as one JDBC batch (for an {@code INSERT}, the driver rewrites it into one multi-row
 * statement). Tables are independent of each other (projections own their tables and no read-model table
 * refers to another), so the tables' queues may go one after the other.
 * <p>
 * Why: a write that commits several commands in one transaction ({@code WriteBatcher}) then costs one round
 * trip per kind of statement instead of one per statement per command. Outside a transaction a write is
 * sent at once.
 * <p>
 * A statement that is costly per execution (one whose table has statement-level triggers, or that reads
 * before it writes) can take its rows as arrays instead ({@link RowsStatement}): consecutive rows then go as
 * one execution, not one per row in a batch.
 */
@Component
public class DeferredWrites {

    private final JdbcTemplate jdbc;

    DeferredWrites(DataSource dataSource) {
        // A plain template: the flushing one would flush again while it flushes.
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Runs {@code sql} with {@code args}, which writes {@code table} ({@code contact} or
     * {@code read_model.contact}) and nothing else, when the transaction next needs the database.
     */
    public void update(String table, String sql, Object... args) {
        Held held = held();
        if (held == null) {
            jdbc.update(sql, args);
        } else {
            held.add(table, new Statement(sql, args, null));
        }
    }

    /**
     * Like {@link #update(String, String, Object...)} for one {@code row} of {@code statement}, which is sent
     * together with the rows of the same statement held right before and after it.
     */
    public void update(String table, RowsStatement statement, Object... row) {
        Statement one = new Statement(statement.sql(), row, statement);
        Held held = held();
        if (held == null) {
            sendRows(statement, List.of(one));
        } else {
            held.add(table, one);
        }
    }

    /** The writes held in the current transaction; {@code null} outside one, where writes go at once. */
    private Held held() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Held held = (Held) TransactionSynchronizationManager.getResource(this);
        if (held == null) {
            held = new Held();
            TransactionSynchronizationManager.bindResource(this, held);
            TransactionSynchronizationManager.registerSynchronization(new Flush());
        }
        return held;
    }

    /** Sends every write held in the current transaction, if any. */
    public void flush() {
        Held held = TransactionSynchronizationManager.isActualTransactionActive()
                ? (Held) TransactionSynchronizationManager.getResource(this) : null;
        if (held != null) {
            for (List<Statement> queue : held.take()) {
                send(queue);
            }
        }
    }

    private void send(List<Statement> queue) {
        int start = 0;
        while (start < queue.size()) {
            String sql = queue.get(start).sql();
            int end = start + 1;
            while (end < queue.size() && queue.get(end).sql().equals(sql)) {
                end++;
            }
            RowsStatement rows = queue.get(start).rows();
            if (rows != null) {
                sendRows(rows, queue.subList(start, end));
            } else if (end - start == 1) {
                jdbc.update(sql, queue.get(start).args());
            } else {
                jdbc.batchUpdate(sql, queue.subList(start, end).stream().map(Statement::args).toList());
            }
            start = end;
        }
    }

    /**
     * Sends {@code rows} in as few executions as keep their order and their keys apart: a run of rows with
     * distinct keys goes as one, and a key seen again in the run starts the next (a row may depend on what
     * the one before it with its key wrote, which one execution would not see).
     */
    private void sendRows(RowsStatement statement, List<Statement> rows) {
        int start = 0;
        while (start < rows.size()) {
            Set<Object> keys = new HashSet<>();
            int end = start;
            while (end < rows.size() && keys.add(rows.get(end).args()[statement.key()])) {
                end++;
            }
            jdbc.update(statement.sql(), columns(rows.subList(start, end)));
            start = end;
        }
    }

    /** The rows' arguments as one {@code text[]} per column; times as ISO instants, which keep the instant. */
    private static Object[] columns(List<Statement> rows) {
        int width = rows.get(0).args().length;
        Object[] columns = new Object[width];
        for (int column = 0; column < width; column++) {
            String[] values = new String[rows.size()];
            for (int row = 0; row < rows.size(); row++) {
                Object value = rows.get(row).args()[column];
                values[row] = value == null ? null
                        : value instanceof Timestamp time ? time.toInstant().toString() : value.toString();
            }
            columns[column] = values;
        }
        return columns;
    }

    /**
     * A statement that writes many rows in one execution: it takes one {@code text[]} per column (cast in its
     * SQL), whose elements are the rows in order, and its rows are told apart by the argument at {@code key},
     * which no two rows of one execution share.
     */
    public record RowsStatement(String sql, int key) {
    }

    private record Statement(String sql, Object[] args, RowsStatement rows) {
    }

    /** The writes held in one transaction, per table in the order the tables were first written. */
    private static final class Held {

        private Map<String, List<Statement>> tables = new LinkedHashMap<>();

        void add(String table, Statement statement) {
            tables.computeIfAbsent(table.substring(table.lastIndexOf('.') + 1), t -> new ArrayList<>()).add(statement);
        }

        List<List<Statement>> take() {
            if (tables.isEmpty()) {
                return List.of();
            }
            List<List<Statement>> taken = List.copyOf(tables.values());
            tables = new LinkedHashMap<>();
            return taken;
        }
    }

    private final class Flush implements TransactionSynchronization {

        @Override
        public void beforeCommit(boolean readOnly) {
            DeferredWrites.this.flush(); // not TransactionSynchronization.flush(), which does nothing
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(DeferredWrites.this);
        }
    }
}
