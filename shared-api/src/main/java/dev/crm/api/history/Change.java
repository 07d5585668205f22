package dev.crm.api.history;

/** A field's value before and after an event, as JSON values ({@code null} when the field had none). */
public record Change(Object from, Object to) {
}
