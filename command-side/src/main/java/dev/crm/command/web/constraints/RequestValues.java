package dev.crm.command.web.constraints;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * How a request's texts become values: one place for each reading, used by the constraint that checks the
 * text and by the request record that turns it into a command.
 */
public final class RequestValues {

    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LAST_INSTANT = Instant.parse("+10000-01-01T00:00:00Z");

    private RequestValues() {
    }

    /** A calendar date ({@code 2025-03-01}) from the year 1 on; {@code null} when the text is none. */
    public static LocalDate date(String text) {
        try {
            LocalDate date = text.length() <= 10 ? LocalDate.parse(text) : null;
            return date != null && date.getYear() >= 1 ? date : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * An ISO-8601 instant with a zone ({@code 2025-03-01T09:00:00Z}) in the years 1 to 9999, kept to the
     * millisecond as the API shows it, so that the event carries exactly what the read models store; {@code
     * null} when the text is none.
     */
    public static Instant instant(String text) {
        try {
            Instant instant = text.length() <= 40 ? OffsetDateTime.parse(text).toInstant() : null;
            return instant != null && !instant.isBefore(FIRST_INSTANT) && instant.isBefore(AFTER_LAST_INSTANT)
                    ? instant.truncatedTo(ChronoUnit.MILLIS) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Tags without repeats, in the order first given. */
    public static List<String> distinct(List<String> tags) {
        return tags == null ? null : List.copyOf(new LinkedHashSet<>(tags));
    }
}
