package dev.crm.command.common;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How commands carry values: a field that cannot be cleared is kept when {@code null} (the others are a
 * {@code Patch}), one spelling per amount, and what counts as a currency code. Shared by request reading and
 * aggregates.
 */
public final class Values {

    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    private Values() {
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

    /**
     * One spelling per amount: {@code 12000.00} and {@code 1.2E+4} both become {@code 12000}, so equal amounts
     * compare equal and JSON shows them as plain numbers (never a negative scale, which prints as an exponent).
     */
    public static BigDecimal amount(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** An ISO 4217 code, upper case, that {@link Currency} knows ({@code USD}, {@code EUR}). */
    public static boolean isCurrency(String code) {
        if (code == null || !CURRENCY_CODE.matcher(code).matches()) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
