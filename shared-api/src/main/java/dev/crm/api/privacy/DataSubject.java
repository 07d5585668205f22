package dev.crm.api.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The id of the record whose person an event's {@link PersonalData} belongs to (a contact's, a lead's, a
 * note's). A contact and the lead it was converted from are one person, and a note on a contact belongs to the
 * contact's person: see {@link SamePerson}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface DataSubject {
}
