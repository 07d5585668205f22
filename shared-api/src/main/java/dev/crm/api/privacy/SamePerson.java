package dev.crm.api.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The id of a record that, from this event on, belongs to the same person as the event's {@link DataSubject}:
 * the contact a lead was converted into, a note added to a contact. Its personal data is then encrypted with,
 * and erased with, that person's key.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface SamePerson {
}
