package dev.crm.command.web;

import dev.crm.api.common.FindRecord;
import dev.crm.api.common.Versioned;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.function.Function;

/**
 * A request's write as every record's controller makes it: one command, sent through the {@link GroupCommit},
 * answered with the record as the read model shows it afterwards (201 and its location for a create, 204 for
 * a deletion).
 */
@Component
public class RecordWrites {

    private final CommandGateway commands;
    private final GroupCommit writes;

    RecordWrites(CommandGateway commands, GroupCommit writes) {
        this.commands = commands;
        this.writes = writes;
    }

    /** {@code pathTemplate} is the new record's path with an {@code {id}}, e.g. {@code /api/contacts/{id}/}. */
    public <T> ResponseEntity<Versioned<T>> create(Object command, FindRecord find, String pathTemplate) {
        Versioned<T> record = update(command, find);
        return ResponseEntity.created(location(pathTemplate, find.id())).body(record);
    }

    public <T> Versioned<T> update(Object command, FindRecord find) {
        return writes.run(() -> commands.sendAndWait(command), find);
    }

    /** Sends a command that answers something, and answers what {@code answer} reads, given that. */
    public <R, T> T send(Object command, Function<R, T> answer) {
        return writes.run(() -> commands.<R>sendAndWait(command), answer);
    }

    /** The absolute URL of a record, e.g. {@code location("/api/contacts/{id}/", id)}. */
    public static URI location(String pathTemplate, String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(pathTemplate).buildAndExpand(id).toUri();
    }

    public ResponseEntity<Void> delete(Object command) {
        writes.run(() -> commands.sendAndWait(command));
        return ResponseEntity.noContent().build();
    }
}
