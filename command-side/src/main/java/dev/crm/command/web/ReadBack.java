package dev.crm.command.web;

import dev.crm.api.common.NotFoundException;
import dev.crm.api.common.Versioned;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;

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

    /** Runs a {@code Find...} query that answers {@code Optional<Versioned<T>>}. */
    @SuppressWarnings("unchecked")
    public <T> Versioned<T> find(Object findQuery) {
        Optional<Versioned<?>> found = (Optional<Versioned<?>>) (Optional<?>) queryGateway
                .query(findQuery, ResponseTypes.optionalInstanceOf(Versioned.class)).join();
        return (Versioned<T>) found.orElseThrow(() -> new NotFoundException("the record no longer exists"));
    }
}
