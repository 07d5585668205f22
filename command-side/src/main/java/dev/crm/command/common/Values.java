package dev.crm.command.common;

import java.util.Objects;

/** The patch convention of the commands: {@code null} keeps a value, an empty string clears it. */
public final class Values {

    private Values() {
    }

    public static String patch(String current, String requested) {
        if (requested == null) {
            return current;
        }
        return requested.isEmpty() ? null : requested;
    }

    public static <T> T patch(T current, T requested) {
        return requested == null ? current : requested;
    }

    /** An empty string from a create command means "no value". */
    public static String orNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public static boolean changed(Object before, Object after) {
        return !Objects.equals(before, after);
    }
}
