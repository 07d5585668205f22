package dev.crm.query.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The schema {@code read_model_rebuild}, where a rebuild fills its shadows of the live tables under their own
 * names. The projections name their tables unqualified: on the application's connections they resolve to
 * {@code read_model}; in a transaction of {@link #transaction} this schema comes first on the
 * {@code search_path}, so the same handlers, folds and statements write the shadows. The shadows' row counts
 * are kept under {@code <table>_rebuild} (see the migration that made this schema).
 */
@Component
class ShadowSchema {

    static final String NAME = "read_model_rebuild";
    static final String COUNTS_SUFFIX = "_rebuild";

    private static final Logger LOG = LoggerFactory.getLogger(ShadowSchema.class);

    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;

    ShadowSchema(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Work in a shadow transaction; the connection is the transaction's (for what JDBC templates cannot do). */
    interface Work<T> {
        T run(Connection connection) throws Exception;
    }

    /**
     * Runs {@code work} in a new transaction that sees the shadows under the tables' names; the projections'
     * deferred writes go out before it commits. Sequential scans are off: the shadows' statistics lag behind
     * their growth, and a cached plan that scans a table that was empty when planned turns every update into
     * a full scan.
     */
    <T> T transaction(int isolation, Work<T> work) throws Exception {
        DefaultTransactionDefinition definition =
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        definition.setIsolationLevel(isolation);
        TransactionStatus status = transactions.getTransaction(definition);
        try {
            jdbc.execute("SET LOCAL search_path = " + NAME + ", read_model, public");
            jdbc.execute("SET LOCAL enable_seqscan = off");
            T result = work.run(DataSourceUtils.getConnection(jdbc.getDataSource()));
            transactions.commit(status);
            return result;
        } catch (Exception | Error e) {
            if (!status.isCompleted()) {
                transactions.rollback(status);
            }
            throw e;
        }
    }

    /**
     * Creates a shadow of each table like the live one: columns, defaults, generated and identity columns,
     * constraints, unique indexes and the triggers that count its rows, all under the live names. Answers the
     * other indexes' definitions, to build once the bulk is in: maintaining them row by row (a trigram index
     * above all) costs far more than building them at the end.
     */
    List<String> create(List<String> tables) throws Exception {
        drop(tables); // a crashed rebuild's leftovers
        List<String> deferred = new ArrayList<>();
        for (String table : tables) {
            Definitions live = definitions(table);
            transaction(TransactionDefinition.ISOLATION_READ_COMMITTED, connection -> {
                jdbc.execute("CREATE TABLE " + table + " (LIKE read_model." + table
                        + " INCLUDING ALL EXCLUDING INDEXES)");
                live.now().forEach(jdbc::execute);
                return null;
            });
            deferred.addAll(live.later());
        }
        return deferred;
    }

    /** What makes a table what it is, as statements that recreate it on a shadow. */
    private record Definitions(List<String> now, List<String> later) {
    }

    /**
     * The live table's constraints, indexes and triggers. Read with only {@code read_model} on the path, they
     * name the table (and the trigger functions) unqualified, so that run in a shadow transaction they apply to
     * the shadow.
     */
    private Definitions definitions(String table) {
        return new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("SET LOCAL search_path = read_model");
            List<String> now = new ArrayList<>(jdbc.queryForList("""
                    SELECT format('ALTER TABLE %I ADD CONSTRAINT %I %s', ?, conname, pg_get_constraintdef(oid))
                      FROM pg_constraint WHERE conrelid = ?::regclass AND contype IN ('p', 'u', 'x')""",
                    String.class, table, "read_model." + table));
            now.addAll(jdbc.queryForList("""
                    SELECT pg_get_indexdef(indexrelid, 0, true) FROM pg_index i
                     WHERE indrelid = ?::regclass AND indisunique
                       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)""",
                    String.class, "read_model." + table));
            now.addAll(jdbc.queryForList("SELECT pg_get_triggerdef(oid, true) FROM pg_trigger"
                    + " WHERE tgrelid = ?::regclass AND NOT tgisinternal", String.class, "read_model." + table));
            List<String> later = jdbc.queryForList("SELECT pg_get_indexdef(indexrelid, 0, true) FROM pg_index"
                    + " WHERE indrelid = ?::regclass AND NOT indisunique", String.class, "read_model." + table);
            return new Definitions(now, later);
        });
    }

    /** Builds deferred indexes on the shadows, in parallel (they share a table with SHARE locks). */
    void index(List<String> definitions, RebuildWorkers workers) throws Exception {
        workers.runAll(definitions.stream().<Callable<Void>>map(index -> () ->
                transaction(TransactionDefinition.ISOLATION_READ_COMMITTED, connection -> {
                    jdbc.execute(index);
                    return null;
                })).toList());
    }

    /**
     * Fresh statistics for the growing shadows, so that the planner stops taking them for empty tables;
     * {@code vacuum} also marks the bulk's pages all-visible: deep list pages are index-only scans from the start.
     */
    void analyze(List<String> tables, boolean vacuum) {
        for (String table : tables) {
            jdbc.execute((vacuum ? "VACUUM (ANALYZE) " : "ANALYZE ") + NAME + "." + table);
        }
    }

    /** A failed rebuild leaves nothing behind (the next one would drop its leftovers anyway). */
    void dropQuietly(List<String> tables) {
        try {
            drop(tables);
        } catch (RuntimeException e) {
            LOG.warn("Could not drop the shadows of {} after a failed rebuild", tables, e);
        }
    }

    private void drop(List<String> tables) {
        for (String table : tables) {
            jdbc.execute("DROP TABLE IF EXISTS " + NAME + "." + table);
            // With the compaction's lock: a compaction folding the counts meanwhile would leave its new row,
            // which this statement's snapshot does not see.
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.execute("LOCK TABLE read_model.row_count IN SHARE UPDATE EXCLUSIVE MODE");
                jdbc.update("DELETE FROM read_model.row_count WHERE table_name = ?", table + COUNTS_SUFFIX);
            });
        }
    }
}
