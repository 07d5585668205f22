package dev.crm.query.sql;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.update(sql, args);
            return;
        }
        Held held = (Held) TransactionSynchronizationManager.getResource(this);
        if (held == null) {
            held = new Held();
            TransactionSynchronizationManager.bindResource(this, held);
            TransactionSynchronizationManager.registerSynchronization(new Flush());
        }
        held.add(table.substring(table.lastIndexOf('.') + 1), new Statement(sql, args));
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
            if (end - start == 1) {
                jdbc.update(sql, queue.get(start).args());
            } else {
                jdbc.batchUpdate(sql, queue.subList(start, end).stream().map(Statement::args).toList());
            }
            start = end;
        }
    }

    private record Statement(String sql, Object[] args) {
    }

    /** The writes held in one transaction, per table in the order the tables were first written. */
    private static final class Held {

        private Map<String, List<Statement>> tables = new LinkedHashMap<>();

        void add(String table, Statement statement) {
            tables.computeIfAbsent(table, t -> new ArrayList<>()).add(statement);
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
