package dev.crm.api.common;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CRM's enums travel as their {@code toString()} value ({@code proposal_sent}); Jackson 3 reads and
 * writes enums through {@code toString()} by default, and these helpers do the same for hand-parsed input.
 */
public final class WireEnums {

    private WireEnums() {
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.toString().equals(value)).findFirst();
    }

    /** The allowed values, for an error message: {@code new, contacted, engaged}. */
    public static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }
}
