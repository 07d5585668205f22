package dev.crm.query.web;

import dev.crm.api.common.FieldError;
import dev.crm.api.common.IdType;
import dev.crm.api.common.InvalidRequestException;
import dev.crm.api.common.PageQuery;
import dev.crm.api.common.StorableText;
import dev.crm.api.common.WireEnums;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads the query parameters of a list request (pagination, ordering and filters) and collects every
 * invalid one, so that a single 400 names them all. Every list endpoint reads its parameters through this.
 */
public final class ListParams {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private final HttpServletRequest request;
    private final List<FieldError> errors = new ArrayList<>();

    private ListParams(HttpServletRequest request) {
        this.request = request;
    }

    public static ListParams of(HttpServletRequest request) {
        return new ListParams(request);
    }

    /**
     * {@code page} (default 1), {@code limit} (default 20, clamped to 100) and {@code ordering}, a field of
     * {@code orderable} with an optional {@code -} for descending; default newest first.
     */
    public PageQuery page(Set<String> orderable) {
        int page = positive("page", 1);
        int limit = Math.min(positive("limit", DEFAULT_LIMIT), MAX_LIMIT);
        String ordering = text("ordering");
        if (ordering == null) {
            return new PageQuery(page, limit, "createdAt", true);
        }
        boolean descending = ordering.startsWith("-");
        String field = descending ? ordering.substring(1) : ordering;
        if (!orderable.contains(field)) {
            reject("ordering", "must be one of " + String.join(", ", orderable.stream().sorted().toList())
                    + ", optionally prefixed with - for descending order");
        }
        return new PageQuery(page, limit, field, descending);
    }

    /** A trimmed parameter value, {@code null} when absent or blank (or refused: text no column can hold). */
    public String text(String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!StorableText.isStorable(value)) {
            reject(name, StorableText.REFUSED);
            return null;
        }
        return value.strip();
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return WireEnums.parse(type, value).orElseGet(() -> {
            reject(name, "must be one of: " + WireEnums.allowed(type));
            return null;
        });
    }

    public String id(String name, IdType type) {
        String value = text(name);
        if (value != null && !type.matches(value)) {
            reject(name, "must be a " + type.entityType() + " id (" + type.prefix() + "...)");
            return null;
        }
        return value;
    }

    public Boolean bool(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            reject(name, "must be true or false");
            return null;
        }
        return Boolean.parseBoolean(value);
    }

    /** A date ({@code 2025-01-15}, meaning its start in UTC) or an ISO-8601 date-time with a zone. */
    public Instant instant(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            Instant instant = value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
            // ISO-8601 allows years far beyond what SQL timestamps (and java.sql.Timestamp) can hold.
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                reject(name, "must be between the years 0001 and 9999");
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            reject(name, "must be a date (2025-01-15) or an ISO-8601 date-time (2025-01-15T10:30:00Z)");
            return null;
        }
    }

    /** Comma-separated tags; records must carry every one of them. */
    public List<String> tags(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        List<String> tags = Arrays.stream(value.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return tags.isEmpty() ? null : tags;
    }

    /** Records an error for the parameter, unless it already has one: one message per parameter. */
    public void reject(String name, String message) {
        if (errors.stream().noneMatch(e -> e.field().equals(name))) {
            errors.add(new FieldError(name, message));
        }
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private int positive(String name, int defaultValue) {
        String value = text(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reject(name, "must be a whole number of at least 1");
        return defaultValue;
    }
}
