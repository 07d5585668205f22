package dev.crm.query.sql;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Page;
import dev.crm.api.common.PageQuery;

/**
 * What every record type's query handler starts from: its {@link RecordReads}, registered with
 * {@link RecordsById} (which then answers {@code FindRecord} for the type's ids), and pages of its list. A
 * subclass adds the {@code @QueryHandler} of its own list query, which says how its filter selects rows.
 *
 * @param <V> the record type's view
 */
public abstract class RecordQueryHandler<V> {

    private final RecordReads<V> reads;

    protected RecordQueryHandler(RecordsById recordsById, IdType type, PagedSql<V> sql) {
        this.reads = recordsById.reads(type, sql);
    }

    /** One page of the rows {@code where} selects; raw, as Axon matches query answers by raw class (see Page). */
    @SuppressWarnings("rawtypes")
    protected Page page(SqlWhere where, PageQuery page) {
        return reads.list(where, page);
    }
}
