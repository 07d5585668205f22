package dev.crm.app.axon;

import dev.crm.api.common.FindRecord;
import dev.crm.api.common.FindRecordAsOf;
import dev.crm.api.common.FindRecords;
import dev.crm.api.common.FoundRecords;
import dev.crm.api.common.Page;
import dev.crm.api.common.ReadModel;
import dev.crm.api.common.Versioned;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ReadModel} over Axon's query bus. The answers are asked for by raw class ({@code Versioned},
 * {@code Page}): Axon matches a query's expected answer against the handler's declared return type by raw
 * class only.
 */
@Component
class QueryBusReadModel implements ReadModel {

    private final QueryGateway queries;

    QueryBusReadModel(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<Versioned<T>> find(FindRecord find) {
        return (Optional<Versioned<T>>) (Optional<?>) queries
                .query(find, ResponseTypes.optionalInstanceOf(Versioned.class)).join();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<Versioned<T>> find(FindRecordAsOf find) {
        return (Optional<Versioned<T>>) (Optional<?>) queries
                .query(find, ResponseTypes.optionalInstanceOf(Versioned.class)).join();
    }

    @Override
    public Map<FindRecord, Versioned<?>> findAll(List<FindRecord> finds) {
        if (finds.isEmpty()) {
            return Map.of();
        }
        FoundRecords records = queries.query(new FindRecords(finds.stream().map(FindRecord::id).toList()),
                ResponseTypes.instanceOf(FoundRecords.class)).join();
        Map<FindRecord, Versioned<?>> found = new HashMap<>();
        for (FindRecord find : finds) {
            Versioned<?> record = records.byId().get(find.id());
            if (record != null) {
                found.put(find, record);
            }
        }
        return found;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Page<T> page(Object listQuery) {
        return (Page<T>) queries.query(listQuery, ResponseTypes.instanceOf(Page.class)).join();
    }
}
