package dev.crm.query.export;

import dev.crm.api.common.IdType;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The API's names for events, {@code <entity>.<what happened>} in snake case, derived from the stored
 * payload class and the record's id, so every event added later is named without a list to maintain:
 * {@code ContactStageChanged} of a {@code cnt_} record is {@code contact.stage_changed},
 * {@code TokenIssued} of a {@code usr_} record is {@code user.token_issued}.
 */
final class EventTypes {

    private static final ConcurrentMap<String, String> NAMES = new ConcurrentHashMap<>();

    private EventTypes() {
    }

    static Optional<IdType> entity(String recordId) {
        return Arrays.stream(IdType.values()).filter(t -> recordId.startsWith(t.prefix())).findFirst();
    }

    static Optional<IdType> entityNamed(String entityType) {
        return Arrays.stream(IdType.values()).filter(t -> t.entityType().equals(entityType)).findFirst();
    }

    /** {@code dev.crm.api.contact.ContactEvents$ContactStageChanged} of a contact: {@code contact.stage_changed}. */
    static String name(String entityType, String payloadType) {
        return NAMES.computeIfAbsent(entityType + ' ' + payloadType, key -> {
            String simple = payloadType.substring(Math.max(payloadType.lastIndexOf('$'), payloadType.lastIndexOf('.')) + 1);
            String entity = pascal(entityType);
            String what = simple.startsWith(entity) && simple.length() > entity.length()
                    ? simple.substring(entity.length()) : simple;
            return entityType + "." + what.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        });
    }

    /**
     * The class names an event type can be stored under: {@code contact.stage_changed} is
     * {@code ContactStageChanged} or {@code StageChanged}.
     */
    static String[] simpleClassNames(String entityType, String what) {
        StringBuilder camel = new StringBuilder();
        for (String word : what.split("_")) {
            camel.append(pascal(word));
        }
        return new String[] {pascal(entityType) + camel, camel.toString()};
    }

    private static String pascal(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
