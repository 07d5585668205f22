package dev.crm.query.record;

import dev.crm.api.common.FindRecord;
import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import dev.crm.query.asof.AsOf;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.asof.RecordRows;
import dev.crm.query.web.PageResponse;
import dev.crm.api.common.ReadModel;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;


/**
 * The two reads every record type answers at its path ({@code /api/contacts}): the list, filtered by the
 * type's filter record {@code F}, and one record, live or as of {@code ?asOf=}. An id that cannot be of the
 * type is a 404, like an id of no record.
 *
 * @param <V> the record type's view
 * @param <F> the record type's list filter
 */
public abstract class RecordQueryController<V, F extends RecordFilter> {

    private final ReadModel readModel;
    private final PointInTime pointInTime;
    private final IdType type;
    private final RecordRows rows;

    /** A record type whose table keeps its versions ({@link RecordRows#VERSIONED}). */
    protected RecordQueryController(ReadModel readModel, PointInTime pointInTime, IdType type) {
        this(readModel, pointInTime, type, RecordRows.VERSIONED);
    }

    /** @param rows where the record type's rows are, for an as-of read */
    protected RecordQueryController(ReadModel readModel, PointInTime pointInTime, IdType type, RecordRows rows) {
        this.readModel = readModel;
        this.pointInTime = pointInTime;
        this.type = type;
        this.rows = rows;
    }

    @GetMapping
    public PageResponse<V> list(@Valid F filter) {
        return PageResponse.of(readModel.page(filter.query()), filter.pageQuery());
    }

    @GetMapping("/{id}")
    public Versioned<V> get(@PathVariable String id, AsOf at) {
        type.requireMatch(id);
        return pointInTime.find(new FindRecord(id), rows, "no " + type.entityType() + " with id " + id, at.asOf());
    }
}
