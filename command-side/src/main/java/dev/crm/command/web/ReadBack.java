package dev.crm.command.web;

import dev.crm.api.common.FindRecord;
import dev.crm.api.common.FoundRecords;
import dev.crm.api.common.NotFoundException;
import dev.crm.api.common.Versioned;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A write answers with the record as the read model now holds it. Projections run in the command's
 * transaction, so the read model already reflects the write when the command returns.
 */
@Component
public class ReadBack {

    private final QueryGateway queryGateway;

    ReadBack(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** The absolute URL of a record, e.g. {@code location("/api/contacts/{id}/", id)}. */
    public static URI location(String pathTemplate, String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(pathTemplate).buildAndExpand(id).toUri();
    }

    /**
     * Runs {@code finds} with one query per kind ({@code FindContact}s as one {@code FindContacts}, ...) and
     * answers the records found, by question; a record that does not exist has no entry.
     */
    public Map<FindRecord, Versioned<?>> findAll(List<FindRecord> finds) {
        Map<FindRecord, Versioned<?>> found = new HashMap<>();
        Map<Class<?>, List<FindRecord>> byKind = finds.stream()
                .collect(Collectors.groupingBy(Object::getClass, LinkedHashMap::new, Collectors.toList()));
        byKind.values().forEach(kind -> {
            FoundRecords records = queryGateway.query(kind.get(0).forAll(kind.stream().map(FindRecord::id).toList()),
                    ResponseTypes.instanceOf(FoundRecords.class)).join();
            kind.forEach(find -> {
                Versioned<?> record = records.byId().get(find.id());
                if (record != null) {
                    found.put(find, record);
                }
            });
        });
        return found;
    }

    /** Runs a {@code Find...} query that answers {@code Optional<Versioned<T>>}. */
    @SuppressWarnings("unchecked")
    public <T> Versioned<T> find(Object findQuery) {
        Optional<Versioned<?>> found = (Optional<Versioned<?>>) (Optional<?>) queryGateway
                .query(findQuery, ResponseTypes.optionalInstanceOf(Versioned.class)).join();
        return (Versioned<T>) found.orElseThrow(() -> new NotFoundException("the record no longer exists"));
    }
}
