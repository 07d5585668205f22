package dev.crm.query.web;

import dev.crm.api.common.NotFoundException;
import dev.crm.api.common.Page;
import dev.crm.api.common.Versioned;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** How read controllers ask the read models: through the query bus, with the two answer shapes we use. */
@Component
public class ReadModels {

    private final QueryGateway queryGateway;

    ReadModels(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** Runs a {@code Find...} query that answers {@code Optional<Versioned<T>>}; 404 when it finds nothing. */
    @SuppressWarnings("unchecked")
    public <T> Versioned<T> find(Object findQuery, String notFound) {
        Optional<Versioned<?>> found = (Optional<Versioned<?>>) (Optional<?>) queryGateway
                .query(findQuery, ResponseTypes.optionalInstanceOf(Versioned.class)).join();
        return (Versioned<T>) found.orElseThrow(() -> new NotFoundException(notFound));
    }

    /** Runs a {@code List...} query that answers {@code Page<T>}. */
    @SuppressWarnings("unchecked")
    public <T> Page<T> page(Object listQuery) {
        return (Page<T>) queryGateway.query(listQuery, ResponseTypes.instanceOf(Page.class)).join();
    }
}
