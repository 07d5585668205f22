package dev.crm.command.web;

import dev.crm.api.common.FindRecord;
import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

import java.util.function.BiFunction;

/**
 * The writes every record type answers the same way, under its subclass's {@code @RequestMapping}: {@code POST}
 * creates (201 with the record and its location), {@code PATCH /{id}} changes what the body names (checked
 * against {@code If-Match} when given), {@code DELETE /{id}} deletes (204). The body is a {@link RecordRequest}
 * record, validated with the rules of a create or of a partial update; an id not of the type's shape is a 404.
 *
 * @param <B> the record type's request body
 * @param <V> the record type's view, as the read model answers it
 */
public abstract class RecordCommandController<B extends RecordRequest, V> {

    private final RecordWrites writes;
    private final IdType type;
    private final String location;
    private final BiFunction<String, Long, Object> deletion;

    /**
     * @param location a record's path with an {@code {id}}, such as {@code /api/contacts/{id}/}
     * @param deletion the command deleting a record, given its id and the version {@code If-Match} expects
     */
    protected RecordCommandController(RecordWrites writes, IdType type, String location,
                                      BiFunction<String, Long, Object> deletion) {
        this.writes = writes;
        this.type = type;
        this.location = location;
        this.deletion = deletion;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Versioned<V>> create(@Validated(OnCreate.class) @RequestBody B body) {
        String id = type.newId();
        return writes.create(body.create(id), new FindRecord(id), location);
    }

    @PatchMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Versioned<V> update(@PathVariable String id, @Validated(OnUpdate.class) @RequestBody B body,
                               @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        type.requireMatch(id);
        return writes.update(body.update(id, IfMatch.expectedVersion(ifMatch)), new FindRecord(id));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        type.requireMatch(id);
        return writes.delete(deletion.apply(id, IfMatch.expectedVersion(ifMatch)));
    }
}
