package dev.crm.command;

import dev.crm.api.common.Patch;

/** Shorthands for the aggregate tests' partial updates. */
public final class Patches {

    private Patches() {
    }

    /** {@code null} leaves the field out, {@code ""} clears it, any other text sets it. */
    public static Patch<String> text(String value) {
        return value == null ? Patch.absent() : value.isEmpty() ? Patch.cleared() : Patch.of(value);
    }

    /** {@code null} leaves the field out, anything else sets it. */
    public static <T> Patch<T> value(T value) {
        return value == null ? Patch.absent() : Patch.of(value);
    }
}
