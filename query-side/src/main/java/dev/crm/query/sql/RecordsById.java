package dev.crm.query.sql;

import dev.crm.api.common.EventNames;
import dev.crm.api.common.FindRecord;
import dev.crm.api.common.FindRecordAsOf;
import dev.crm.api.common.FindRecords;
import dev.crm.api.common.FoundRecords;
import dev.crm.api.common.IdType;
import dev.crm.api.common.RecordExists;
import dev.crm.api.common.Versioned;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives each record type its {@link RecordReads}, and answers {@link FindRecord}, {@link FindRecordAsOf} (for
 * the types that keep versions), {@link FindRecords} and {@link RecordExists} for all of them, by the kind of
 * record an id's prefix names: the ids of a {@link FindRecords} are grouped by kind, each group read in one
 * statement.
 */
@Component
public class RecordsById {

    private final NamedParameterJdbcTemplate jdbc;
    private final ListReads lists;
    private final Map<IdType, RecordReads<?>> readsByType = new ConcurrentHashMap<>();

    RecordsById(NamedParameterJdbcTemplate jdbc, ListReads lists) {
        this.jdbc = jdbc;
        this.lists = lists;
    }

    /** The reads of the record type {@code type}, whose ids {@link FindRecords} then finds too. */
    public <V> RecordReads<V> reads(IdType type, PagedSql<V> sql) {
        RecordReads<V> reads = new RecordReads<>(jdbc, lists.jdbc(), sql);
        readsByType.put(type, reads);
        return reads;
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Versioned
    Optional<Versioned> find(FindRecord query) {
        return EventNames.recordType(query.id()).map(readsByType::get)
                .flatMap(reads -> reads.find(query.id()));
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // Axon matches query answers by raw class, see Versioned
    Optional<Versioned> findAsOf(FindRecordAsOf query) {
        return EventNames.recordType(query.id()).map(readsByType::get)
                .flatMap(reads -> reads.findAsOf(query.id(), query.asOf()));
    }

    @QueryHandler
    Boolean exists(RecordExists query) {
        return EventNames.recordType(query.id()).map(readsByType::get)
                .map(reads -> reads.exists(query.id())).orElse(false);
    }

    @QueryHandler
    FoundRecords findAll(FindRecords query) {
        Map<IdType, List<String>> idsByType = new LinkedHashMap<>();
        for (String id : query.ids()) {
            EventNames.recordType(id).filter(readsByType::containsKey)
                    .ifPresent(type -> idsByType.computeIfAbsent(type, t -> new ArrayList<>()).add(id));
        }
        Map<String, Versioned<?>> found = new LinkedHashMap<>();
        idsByType.forEach((type, ids) -> found.putAll(readsByType.get(type).findAll(ids).byId()));
        return new FoundRecords(found);
    }
}
