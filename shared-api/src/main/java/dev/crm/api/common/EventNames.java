package dev.crm.api.common;

import com.github.f4b6a3.ulid.Ulid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * How events are named to API clients (history, audit log, export): the kind of record from the id's
 * prefix, the event type {@code <entityType>.<snake_case of the class name without the entity prefix>}
 * ({@code ContactStageChanged} of a contact is {@code contact.stage_changed}, {@code TokenIssued} of a user
 * is {@code user.token_issued}), and the event id {@code evt_} + a ULID of the stored event identifier.
 */
public final class EventNames {

    private EventNames() {
    }

    /** The kind of record an aggregate id names, by its prefix. */
    public static Optional<IdType> recordType(String id) {
        return Arrays.stream(IdType.values()).filter(type -> type.matches(id)).findFirst();
    }

    /** The kind of record called {@code entityType} ({@code contact}, {@code lead}, ...). */
    public static Optional<IdType> recordTypeNamed(String entityType) {
        return Arrays.stream(IdType.values()).filter(type -> type.entityType().equals(entityType)).findFirst();
    }

    /** The event type of an event class, given by its (simple, nested or qualified) class name. */
    public static String eventType(String entityType, String className) {
        String name = className.substring(Math.max(className.lastIndexOf('$'), className.lastIndexOf('.')) + 1);
        String prefix = pascal(entityType);
        if (name.startsWith(prefix) && name.length() > prefix.length()) {
            name = name.substring(prefix.length());
        }
        return entityType + "." + name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * The simple class names an event type can stand for, the inverse of {@link #eventType}:
     * {@code contact.stage_changed} is {@code ContactStageChanged} or {@code StageChanged}.
     */
    public static String[] simpleClassNames(String entityType, String what) {
        StringBuilder camel = new StringBuilder();
        for (String word : what.split("_")) {
            camel.append(pascal(word));
        }
        return new String[] {pascal(entityType) + camel, camel.toString()};
    }

    /**
     * {@code evt_} plus a ULID holding the same 128 bits as the event identifier (a UUID), so the id is stable
     * across replays and unique like the identifier. An identifier that is no UUID is hashed to 128 bits.
     */
    public static String eventId(String eventIdentifier) {
        UUID uuid;
        try {
            uuid = UUID.fromString(eventIdentifier);
        } catch (IllegalArgumentException e) {
            uuid = UUID.nameUUIDFromBytes(sha256(eventIdentifier));
        }
        return IdType.EVENT.prefix() + Ulid.from(uuid);
    }

    private static String pascal(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
