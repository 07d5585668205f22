package dev.crm.app.privacy;

import dev.crm.api.privacy.DataSubject;
import dev.crm.api.privacy.PersonalData;
import dev.crm.api.privacy.SamePerson;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an event class says about personal data, from its annotations: the component naming the
 * {@link DataSubject}, those that join the same person ({@link SamePerson}) and the {@link PersonalData} fields.
 * Worked out once per class.
 */
record PersonalFields(String subject, List<String> samePerson, List<String> personal) {

    private static final PersonalFields NONE = new PersonalFields(null, List.of(), List.of());
    private static final Map<Class<?>, PersonalFields> BY_CLASS = new ConcurrentHashMap<>();

    static PersonalFields of(Class<?> type) {
        return type == null ? NONE : BY_CLASS.computeIfAbsent(type, PersonalFields::read);
    }

    /** Whether events of this class name a person: they hold personal data or link a record to a person. */
    boolean concernsPerson() {
        return subject != null;
    }

    private static PersonalFields read(Class<?> type) {
        if (!type.isRecord()) {
            return NONE;
        }
        String subject = null;
        List<String> samePerson = new ArrayList<>();
        List<String> personal = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(DataSubject.class)) {
                subject = component.getName();
            }
            if (component.isAnnotationPresent(SamePerson.class)) {
                samePerson.add(component.getName());
            }
            if (component.isAnnotationPresent(PersonalData.class)) {
                personal.add(component.getName());
            }
        }
        return subject == null ? NONE : new PersonalFields(subject, List.copyOf(samePerson), List.copyOf(personal));
    }
}
