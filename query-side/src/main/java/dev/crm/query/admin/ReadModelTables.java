package dev.crm.query.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables (in {@code read_model}) a projection writes, and only those: declaring them makes its
 * processing group rebuildable by {@code POST /api/admin/projections/{group}/rebuild}. The rebuild replays
 * the event store through the projection's own handlers into shadows of these tables, then swaps them in.
 * So the handlers must name these tables unqualified in their SQL (a rebuild's {@code search_path} finds the
 * shadows under those names, see {@link ShadowSchema}), write no other table, and must not rely on the row
 * counts of their updates (their writes are deferred and batched).
 * An identity column is numbered afresh, in the order the rebuild replays the events (their export order).
 * A projection that also implements {@link SetBasedReplay} is rebuilt much faster.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadModelTables {

    String[] value();

    /**
     * Whether each event changes only rows of the record it is about (its aggregate), so that events of
     * different records may be applied in any order as long as each record's own events keep theirs: the
     * contract Axon's per-aggregate sequencing policy assumes of projections processed in parallel. A
     * rebuild then groups a batch's events by kind (first event of each record, second, ...), which turns
     * the handlers' writes into long JDBC batches; without it the events are applied strictly in order.
     */
    boolean recordsIndependent() default false;
}
