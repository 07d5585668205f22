package dev.crm.command.web;

import dev.crm.api.common.NotFoundException;
import dev.crm.api.common.Versioned;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
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

    /** The 201 answer to a create: the record as the read model holds it, and its location. */
    public <T> ResponseEntity<Versioned<T>> created(String pathTemplate, String id, Object findQuery) {
        return ResponseEntity.created(location(pathTemplate, id)).body(find(findQuery));
    }

    /** The absolute URL of a record, e.g. {@code location("/api/contacts/{id}/", id)}. */
    public static URI location(String pathTemplate, String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(pathTemplate).buildAndExpand(id).toUri();
    }

    /** Runs a {@code Find...} query that answers {@code Optional<Versioned<T>>}. */
    @SuppressWarnings("unchecked")
    public <T> Versioned<T> find(Object findQuery) {
        Optional<Versioned<?>> found = (Optional<Versioned<?>>) (Optional<?>) queryGateway
                .query(findQuery, ResponseTypes.optionalInstanceOf(Versioned.class)).join();
        return (Versioned<T>) found.orElseThrow(() -> new NotFoundException("the record no longer exists"));
    }
}
