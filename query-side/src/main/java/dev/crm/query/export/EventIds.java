package dev.crm.query.export;

import com.github.f4b6a3.ulid.Ulid;
import dev.crm.api.common.IdType;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The API id of an event, {@code evt_} plus a ULID: the same 128 bits as Axon's event identifier (a UUID),
 * so it is stable and can be traced back to the stored row.
 */
final class EventIds {

    private EventIds() {
    }

    static String of(String eventIdentifier) {
        try {
            return IdType.EVENT.prefix() + Ulid.from(UUID.fromString(eventIdentifier));
        } catch (IllegalArgumentException notAUuid) {
            // Axon lets a sender choose any identifier; derive a stable one from its name instead.
            byte[] name = eventIdentifier.getBytes(StandardCharsets.UTF_8);
            return IdType.EVENT.prefix() + Ulid.from(UUID.nameUUIDFromBytes(name));
        }
    }
}
