package dev.crm.query.admin;

import dev.crm.api.privacy.PersonalData;
import dev.crm.query.sql.DeferredWrites;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static dev.crm.query.sql.Rows.timestamp;
import static dev.crm.query.sql.Rows.version;

/**
 * Applies one event to a record read model as its {@link RecordFold} says: the creation inserts the row, a
 * change sets the columns it sets, a deletion removes the row; every event stamps {@code updated_at} with its
 * time and {@code version} with its sequence number + 1. The table's triggers keep its versions (see the
 * migration that made them); a deletion closes the last one and an erasure overwrites their personal
 * columns. The statement for each kind of event is made once; the versions' statements travel in the record
 * table's queue, so they run in order with its own.
 */
@Component
public class RecordWriter {

    private final DeferredWrites writes;
    private final ReadModelColumns columns;
    private final Map<RecordFold, Map<Class<?>, Statement>> statements = new ConcurrentHashMap<>();

    RecordWriter(DeferredWrites writes, ReadModelColumns columns) {
        this.writes = writes;
        this.columns = columns;
    }

    void apply(RecordFold fold, Record event, DomainEventMessage<?> message) {
        Statement statement = statements.computeIfAbsent(fold, f -> new ConcurrentHashMap<>())
                .computeIfAbsent(event.getClass(), type -> statement(fold, type.getName()));
        if (statement.sql() == null) {
            return; // an event the read model does not follow
        }
        List<Object> args = new ArrayList<>();
        if (statement.effect() == RecordFold.Effect.CREATES) {
            args.add(message.getAggregateIdentifier());
        }
        statement.values().forEach((column, value) -> args.add(value.of(column, event, message.getTimestamp())));
        switch (statement.effect()) {
            case CREATES -> Collections.addAll(args, timestamp(message.getTimestamp()),
                    timestamp(message.getTimestamp()), version(message.getSequenceNumber()));
            case CHANGES -> Collections.addAll(args, timestamp(message.getTimestamp()),
                    version(message.getSequenceNumber()), message.getAggregateIdentifier());
            case DELETES -> Collections.addAll(args, timestamp(message.getTimestamp()),
                    message.getAggregateIdentifier(), message.getAggregateIdentifier());
            default -> args.add(message.getAggregateIdentifier());
        }
        writes.update(fold.table(), statement.sql(), args.toArray());
    }

    /** An event's statement, and the values it binds before the bookkeeping ({@code sql} null: none). */
    private record Statement(RecordFold.Effect effect, String sql, Map<RecordFold.Column, FoldValue> values) {
    }

    private Statement statement(RecordFold fold, String type) {
        RecordFold.Effect effect = fold.effectOf(type);
        Map<RecordFold.Column, FoldValue> values = fold.setBy(type, columns.of(fold.table()));
        List<String> names = values.keySet().stream().map(RecordFold.Column::name).toList();
        String sql = switch (effect) {
            case CREATES -> "INSERT INTO " + fold.table() + " (id, " + String.join(", ", names)
                    + (names.isEmpty() ? "" : ", ") + "created_at, updated_at, version) VALUES (?"
                    + ", ?".repeat(names.size() + 3) + ")";
            case CHANGES -> "UPDATE " + fold.table() + " SET " + names.stream().map(column -> column + " = ?, ")
                    .collect(Collectors.joining()) + "updated_at = ?, version = ? WHERE id = ?";
            // The row is gone, and with it the deletion's time: the statement closes the last version itself.
            case DELETES -> "WITH closed AS (UPDATE " + fold.versions() + " SET deleted = true, valid_to ="
                    + " CASE WHEN valid_to = 'infinity' THEN ? ELSE valid_to END WHERE id = ?)"
                    + " DELETE FROM " + fold.table() + " WHERE id = ?";
            case ERASES -> fold.personalColumns().isEmpty() ? null : "UPDATE " + fold.versions() + " SET "
                    + fold.personalColumns().stream().map(column -> column + " = CASE WHEN " + column
                            + " IS NULL THEN NULL ELSE '" + PersonalData.ERASED + "' END")
                    .collect(Collectors.joining(", ")) + " WHERE " + fold.erasedId(type) + " = ?";
            case NOTHING -> null;
        };
        return new Statement(effect, sql, values);
    }
}
