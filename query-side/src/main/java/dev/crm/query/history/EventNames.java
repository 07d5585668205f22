package dev.crm.query.history;

import com.github.f4b6a3.ulid.Ulid;
import dev.crm.api.common.IdType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * How an event is named in the API, derived from conventions rather than a list per event, so that every
 * record type gets a history without code of its own: the entity type comes from the record id's prefix,
 * the event type from the event class ({@code ContactStageChanged} on a contact is {@code contact.stage_changed}).
 */
final class EventNames {

    private EventNames() {
    }

    /** The kind of record an aggregate id names, by its prefix. */
    static Optional<IdType> recordType(String id) {
        return Arrays.stream(IdType.values()).filter(type -> type.matches(id)).findFirst();
    }

    /** {@code <entityType>.<snake_case of the class name without the entity prefix>}. */
    static String eventType(String entityType, Class<?> eventClass) {
        String name = eventClass.getSimpleName();
        String prefix = Character.toUpperCase(entityType.charAt(0)) + entityType.substring(1);
        if (name.startsWith(prefix) && name.length() > prefix.length()) {
            name = name.substring(prefix.length());
        }
        return entityType + "." + name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    /**
     * {@code evt_} plus a ULID holding the same 128 bits as the event identifier (a UUID), so the id is stable
     * across replays and unique like the identifier. An identifier that is no UUID is hashed to 128 bits.
     */
    static String eventId(String eventIdentifier) {
        UUID uuid;
        try {
            uuid = UUID.fromString(eventIdentifier);
        } catch (IllegalArgumentException e) {
            uuid = UUID.nameUUIDFromBytes(sha256(eventIdentifier));
        }
        return IdType.EVENT.prefix() + Ulid.from(uuid);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
