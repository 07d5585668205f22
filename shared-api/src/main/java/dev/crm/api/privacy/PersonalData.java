package dev.crm.api.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field of an event that is a person's personal data (a name, an email, free text about them). The
 * event store keeps it encrypted with that person's key, the person being the one of the event's
 * {@link DataSubject}; once the person is erased it reads {@value #ERASED}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface PersonalData {

    /** What an erased person's personal field reads everywhere (a {@code null} stays {@code null}). */
    String ERASED = "[erased]";
}
