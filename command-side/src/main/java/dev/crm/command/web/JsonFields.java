package dev.crm.command.web;

import dev.crm.api.common.FieldError;
import dev.crm.api.common.IdType;
import dev.crm.api.common.InvalidRequestException;
import dev.crm.api.common.StorableText;
import dev.crm.api.common.WireEnums;
import dev.crm.command.common.PersonRules;
import dev.crm.command.common.Values;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.JsonNodeException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads the fields of a JSON request body and collects every problem, so that one 400 answer lists all
 * invalid fields. Values follow one convention, shared with the commands: {@code null} means "not in the
 * request", an empty string (or empty list) means "cleared" (the field was sent as {@code null} or blank).
 */
public final class JsonFields {

    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LAST_INSTANT = Instant.parse("+10000-01-01T00:00:00Z");

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{1,14}$");
    private static final int MAX_EMAIL = 254;
    private static final int MAX_TAG = 50;
    private static final int MAX_TAGS = 50;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1e15");

    private final JsonNode body;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonFields(JsonNode body) {
        this.body = body;
    }

    /**
     * Starts reading {@code body}, which must be a JSON object whose fields are all in {@code writable};
     * a field in {@code readOnly} is refused as read-only, any other as unknown.
     */
    public static JsonFields of(JsonNode body, Set<String> writable, Set<String> readOnly) {
        if (body == null || body.isMissingNode()) {
            throw new InvalidRequestException("body", "a JSON object is required");
        }
        if (!body.isObject()) {
            throw new InvalidRequestException("body", "must be a JSON object");
        }
        JsonFields fields = new JsonFields(body);
        for (String name : body.propertyNames()) {
            if (readOnly.contains(name)) {
                fields.reject(name, "is read-only");
            } else if (!writable.contains(name)) {
                fields.reject(name, "is not a known field");
            }
        }
        return fields;
    }

    /** An empty body or {@code {}} for endpoints whose body is optional and has no fields. */
    public static void requireEmpty(JsonNode body) {
        if (body != null && !body.isMissingNode()) {
            of(body, Set.of(), Set.of()).throwIfInvalid();
        }
    }

    public boolean has(String field) {
        return body.has(field);
    }

    /** A trimmed string of at most {@code maxLength} characters. */
    public String text(String field, int maxLength) {
        String value = rawText(field);
        if (value == null) {
            return null;
        }
        value = value.strip();
        if (value.length() > maxLength) {
            reject(field, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** A string kept exactly as sent (free text such as notes), of at most {@code maxLength} characters. */
    public String longText(String field, int maxLength) {
        String value = rawText(field);
        if (value != null && value.length() > maxLength) {
            reject(field, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    public String email(String field) {
        String value = text(field, MAX_EMAIL);
        if (value != null && !value.isEmpty() && !EMAIL.matcher(value).matches()) {
            reject(field, "must be a valid email address");
        }
        return value;
    }

    public String phone(String field) {
        String value = text(field, 16);
        if (value != null && !value.isEmpty() && !E164.matcher(value).matches()) {
            reject(field, "must be an E.164 phone number such as +15551234567");
        }
        return value;
    }

    /** An id of the given type; the caller checks that the record exists with {@link #requireExisting}. */
    public String reference(String field, IdType type) {
        String value = text(field, 64);
        if (value != null && !value.isEmpty() && !type.matches(value)) {
            reject(field, "must be a " + type.entityType() + " id (" + type.prefix() + "...)");
        }
        return value;
    }

    /** Rejects a well-formed reference that names no live record. */
    public void requireExisting(String field, String id, Predicate<String> exists) {
        if (id != null && !id.isEmpty() && !hasError(field) && !exists.test(id)) {
            reject(field, "refers to no existing record: " + id);
        }
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            var value = WireEnums.parse(type, node.stringValue());
            if (value.isPresent()) {
                return value.get();
            }
        }
        reject(field, "must be one of: " + WireEnums.allowed(type));
        return null;
    }

    public Boolean bool(String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            reject(field, "must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    public Integer integer(String field, int min, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            reject(field, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return node.intValue();
    }

    /** A non-negative number with at most two decimals (money). */
    public BigDecimal amount(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        BigDecimal value = node.isNumber() ? decimal(node) : null;
        if (value == null || value.signum() < 0 || value.scale() > 2 || value.compareTo(MAX_AMOUNT) >= 0) {
            reject(field, "must be a number from 0 to below 1e15 with at most two decimals");
            return null;
        }
        return Values.amount(value);
    }

    /** An ISO 4217 currency code in upper case ({@code USD}). */
    public String currency(String field) {
        String value = text(field, 3);
        if (value != null && !value.isEmpty() && !hasError(field) && !Values.isCurrency(value)) {
            reject(field, "must be an ISO 4217 currency code in upper case, such as USD");
        }
        return value;
    }

    /**
     * A JSON number as a decimal, {@code null} when it has none: a double too large, such as {@code 1e400},
     * reads as infinity.
     */
    private static BigDecimal decimal(JsonNode node) {
        try {
            return node.decimalValue();
        } catch (JsonNodeException e) {
            return null;
        }
    }

    /** A calendar date ({@code 2025-03-01}); {@code Optional.empty()} semantics: null absent, error recorded. */
    public LocalDate date(String field) {
        String value = text(field, 10);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() >= 1) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // rejected below
        }
        reject(field, "must be a date such as 2025-03-01");
        return null;
    }

    /**
     * An ISO-8601 instant with a zone ({@code 2025-03-01T09:00:00Z}), in the years 1 to 9999 and kept to the
     * millisecond, as the API shows it: the event then carries exactly what the read models store.
     */
    public Instant instant(String field) {
        String value = text(field, 40);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            Instant instant = java.time.OffsetDateTime.parse(value).toInstant();
            if (!instant.isBefore(FIRST_INSTANT) && instant.isBefore(AFTER_LAST_INSTANT)) {
                return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            }
        } catch (DateTimeParseException e) {
            // rejected below
        }
        reject(field, "must be an ISO-8601 date-time such as 2025-03-01T09:00:00Z, in the years 1 to 9999");
        return null;
    }

    /** Tags: 1..50 characters each, at most 50, de-duplicated in the order given. A JSON null clears them. */
    public List<String> tags(String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            reject(field, "must be an array of strings");
            return null;
        }
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode tag : node) {
            String value = tag.isString() ? tag.stringValue().strip() : null;
            if (value != null && !StorableText.isStorable(value)) {
                reject(field, StorableText.REFUSED);
                return null;
            }
            if (value == null || value.isEmpty() || value.length() > MAX_TAG) {
                reject(field, "each tag must be a string of 1 to " + MAX_TAG + " characters");
                return null;
            }
            tags.add(value);
        }
        if (tags.size() > MAX_TAGS) {
            reject(field, "must hold at most " + MAX_TAGS + " tags");
            return null;
        }
        return List.copyOf(tags);
    }

    /** Records an error unless {@code value} is a non-empty string. */
    public void require(String field, String value) {
        if (value == null || value.isEmpty()) {
            reject(field, "is required");
        }
    }

    /** Records an error unless a first or a last name was given (see {@link PersonRules}). */
    public void requireName(String firstName, String lastName) {
        if ((firstName == null || firstName.isEmpty()) && (lastName == null || lastName.isEmpty())) {
            reject("firstName", PersonRules.NAME_REQUIRED);
        }
    }

    /** Records an error when the field was sent as {@code null} or blank although it cannot be cleared. */
    public void rejectCleared(String field, Object value) {
        if ("".equals(value) || (body.has(field) && body.get(field).isNull())) {
            reject(field, "cannot be empty");
        }
    }

    /** Records an error for the field, unless it already has one: one message per field, the first found. */
    public void reject(String field, String message) {
        if (!hasError(field)) {
            errors.add(new FieldError(field, message));
        }
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** The string sent: {@code null} if absent, {@code ""} if sent as JSON null. */
    private String rawText(String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return "";
        }
        if (!node.isString()) {
            reject(field, "must be a string");
            return null;
        }
        if (!StorableText.isStorable(node.stringValue())) {
            reject(field, StorableText.REFUSED);
            return null;
        }
        return node.stringValue();
    }
}
