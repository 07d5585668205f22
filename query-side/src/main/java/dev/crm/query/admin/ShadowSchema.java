package dev.crm.query.admin;

import dev.crm.query.sql.RowCounts;
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
    static final String COUNTS_SUFFIX = RowCounts.SHADOW_SUFFIX;

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
     * Creates a shadow of each table like the live one: columns, defaults, generated and identity columns and
     * the triggers that count its rows, under the live names. Answers what is built once the bulk is in:
     * the keys (primary key, unique and exclusion constraints, unique indexes), which the handlers' upserts
     * need, and the other indexes. Maintaining any of them row by row while a fill streams millions of rows in
     * (a key on random event ids, a trigram index) costs far more than building them at the end.
     */
    Deferred create(List<String> tables) throws Exception {
        drop(tables); // a crashed rebuild's leftovers
        List<String> keyIndexes = new ArrayList<>();
        List<String> constraints = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        for (String table : tables) {
            Definitions live = definitions(table);
            transaction(TransactionDefinition.ISOLATION_READ_COMMITTED, connection -> {
                jdbc.execute("CREATE TABLE " + table + " (LIKE read_model." + table
                        + " INCLUDING ALL EXCLUDING INDEXES)");
                live.triggers().forEach(jdbc::execute);
                return null;
            });
            keyIndexes.addAll(live.later().keyIndexes());
            constraints.addAll(live.later().constraints());
            indexes.addAll(live.later().indexes());
        }
        return new Deferred(List.copyOf(keyIndexes), List.copyOf(constraints), List.copyOf(indexes));
    }

    /**
     * What {@link #create} left to build once the shadows are filled: the unique indexes of the keys, the
     * constraints (most of them made of those indexes), the other indexes.
     */
    record Deferred(List<String> keyIndexes, List<String> constraints, List<String> indexes) {
    }

    /** What makes a table what it is, as statements that recreate it on a shadow: now, and once it is filled. */
    private record Definitions(List<String> triggers, Deferred later) {
    }

    /**
     * The live table's constraints, indexes and triggers. Read with only {@code read_model} on the path, they
     * name the table (and the trigger functions) unqualified, so that run in a shadow transaction they apply to
     * the shadow. A primary key or unique constraint is its unique index, built like any index (several at a
     * time on one table), then made the constraint; any other (an exclusion, a deferrable one) is added whole.
     */
    private Definitions definitions(String table) {
        return new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("SET LOCAL search_path = read_model");
            String live = "read_model." + table;
            List<String> keyIndexes = jdbc.queryForList("""
                    SELECT pg_get_indexdef(indexrelid, 0, true) FROM pg_index i
                     WHERE indrelid = ?::regclass AND indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                            WHERE c.conindid = i.indexrelid AND (c.contype NOT IN ('p', 'u') OR c.condeferrable))""",
                    String.class, live);
            List<String> constraints = jdbc.queryForList("""
                    SELECT CASE WHEN contype IN ('p', 'u') AND NOT condeferrable
                                THEN format('ALTER TABLE %I ADD CONSTRAINT %I %s USING INDEX %I', ?, conname,
                                            CASE contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END,
                                            (SELECT relname FROM pg_class WHERE oid = conindid))
                                ELSE format('ALTER TABLE %I ADD CONSTRAINT %I %s', ?, conname,
                                            pg_get_constraintdef(oid)) END
                      FROM pg_constraint WHERE conrelid = ?::regclass AND contype IN ('p', 'u', 'x')""",
                    String.class, table, table, live);
            List<String> triggers = jdbc.queryForList("SELECT pg_get_triggerdef(oid, true) FROM pg_trigger"
                    + " WHERE tgrelid = ?::regclass AND NOT tgisinternal", String.class, live);
            List<String> indexes = jdbc.queryForList("SELECT pg_get_indexdef(indexrelid, 0, true) FROM pg_index"
                    + " WHERE indrelid = ?::regclass AND NOT indisunique", String.class, live);
            return new Definitions(triggers, new Deferred(keyIndexes, constraints, indexes));
        });
    }

    /**
     * Builds the shadows' keys: their unique indexes in parallel (sorted builds over the filled tables, which
     * also find any duplicate a fill made), then the constraints on them.
     */
    void addKeys(Deferred deferred, RebuildWorkers workers) throws Exception {
        build(deferred.keyIndexes(), workers);
        for (String constraint : deferred.constraints()) {
            transaction(TransactionDefinition.ISOLATION_READ_COMMITTED, connection -> jdbc.update(constraint));
        }
    }

    /** Builds the other indexes on the shadows. */
    void index(Deferred deferred, RebuildWorkers workers) throws Exception {
        build(deferred.indexes(), workers);
    }

    /** Builds indexes in parallel (on one table they share it with SHARE locks). */
    private void build(List<String> indexes, RebuildWorkers workers) throws Exception {
        workers.runAll(indexes.stream().<Callable<Void>>map(index -> () ->
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
            // The compaction leaves a shadow's counts alone (RowCounts): nothing else writes them meanwhile.
            jdbc.update("DELETE FROM read_model.row_count WHERE table_name = ?", table + COUNTS_SUFFIX);
        }
    }
}
