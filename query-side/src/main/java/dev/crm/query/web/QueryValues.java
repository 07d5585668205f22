package dev.crm.query.web;

import dev.crm.api.common.StorableText;
import dev.crm.api.common.WireEnums;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * How a query parameter's text becomes a value, the API's own spellings: stricter than Spring's defaults,
 * which take {@code yes} for true, {@code 0x10} for 16 and enum constant names. A blank parameter is absent
 * ({@code null}); text no column can hold is refused whatever the type. Each refuses with a
 * {@link RejectedParameter} worded for clients.
 */
final class QueryValues {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private QueryValues() {
    }

    /** The trimmed text. */
    static String text(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!StorableText.isStorable(raw)) {
            throw new RejectedParameter(StorableText.REFUSED);
        }
        return raw.strip();
    }

    /** A date ({@code 2025-01-15}, meaning its start in UTC) or an ISO-8601 date-time with a zone. */
    static Instant instant(String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedParameter("must be a date (2025-01-15) or an ISO-8601 date-time (2025-01-15T10:30:00Z)");
        }
        // ISO-8601 allows years far beyond what SQL timestamps (and java.sql.Timestamp) can hold.
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new RejectedParameter("must be between the years 0001 and 9999");
        }
        return instant;
    }

    static Integer integer(String raw) {
        Long number = wholeNumber(raw);
        if (number != null && (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)) {
            throw new RejectedParameter("must be a whole number");
        }
        return number == null ? null : number.intValue();
    }

    /** Decimal digits with an optional sign, nothing else. */
    static Long wholeNumber(String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new RejectedParameter("must be a whole number");
        }
    }

    static Boolean bool(String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new RejectedParameter("must be true or false");
        };
    }

    /** One of the CRM's enums by its wire name ({@code proposal_sent}), as the JSON bodies spell it. */
    @SuppressWarnings("unchecked") // only called with an enum type
    static Object wireEnum(Class<?> type, String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.toString().equals(value)).findFirst()
                .orElseThrow(() -> new RejectedParameter("must be one of: "
                        + WireEnums.allowed((Class<? extends Enum<?>>) type)));
    }
}
