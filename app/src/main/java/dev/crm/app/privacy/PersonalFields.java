package dev.crm.app.privacy;

import dev.crm.api.privacy.DataSubject;
import dev.crm.api.privacy.PersonalData;
import dev.crm.api.privacy.SamePerson;

import java.lang.reflect.Method;
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
record PersonalFields(String subject, List<String> samePerson, List<String> personal, List<Method> recordIds) {

    private static final PersonalFields NONE = new PersonalFields(null, List.of(), List.of(), List.of());
    private static final Map<Class<?>, PersonalFields> BY_CLASS = new ConcurrentHashMap<>();

    static PersonalFields of(Class<?> type) {
        return type == null ? NONE : BY_CLASS.computeIfAbsent(type, PersonalFields::read);
    }

    /** Whether events of this class name a person: they hold personal data or link a record to a person. */
    boolean concernsPerson() {
        return subject != null;
    }

    /** The ids of the records an event of this class names as its subject or as the same person, if set. */
    List<String> records(Object event) {
        List<String> records = new ArrayList<>(recordIds.size());
        for (Method accessor : recordIds) {
            try {
                if (accessor.invoke(event) instanceof String id) {
                    records.add(id);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + accessor, e);
            }
        }
        return records;
    }

    private static PersonalFields read(Class<?> type) {
        if (!type.isRecord()) {
            return NONE;
        }
        String subject = null;
        List<String> samePerson = new ArrayList<>();
        List<String> personal = new ArrayList<>();
        List<Method> recordIds = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(DataSubject.class)) {
                subject = component.getName();
                recordIds.add(component.getAccessor());
            }
            if (component.isAnnotationPresent(SamePerson.class)) {
                samePerson.add(component.getName());
                recordIds.add(component.getAccessor());
            }
            if (component.isAnnotationPresent(PersonalData.class)) {
                personal.add(component.getName());
            }
        }
        return subject == null ? NONE : new PersonalFields(subject, List.copyOf(samePerson), List.copyOf(personal),
                List.copyOf(recordIds));
    }
}
