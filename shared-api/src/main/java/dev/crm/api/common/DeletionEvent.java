package dev.crm.api.common;

/** Marks the event that ends a record's life: after it the record is gone for the API (but not for the audit log). */
public interface DeletionEvent {
}
