package dev.crm.command.web.constraints;

import dev.crm.command.common.Values;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;

/**
 * A value of one of the kinds the API takes in several places, such as {@code @Kind(AMOUNT)} for money. An empty
 * text is no value (it clears a field in a partial update) and, like {@code null}, is valid.
 */
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Kind.Validator.class)
public @interface Kind {

    Of value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The kinds, each with what it answers about a value that is not of it. */
    enum Of {
        /** Money: a number from 0 to below 10^15 with at most two decimals. */
        AMOUNT(value -> value instanceof BigDecimal amount && amount.signum() >= 0
                && amount.stripTrailingZeros().scale() <= 2 && amount.compareTo(new BigDecimal("1e15")) < 0 ? null
                : "must be a number from 0 to below 1e15 with at most two decimals"),
        /** An ISO 4217 code in upper case, such as {@code USD}. */
        CURRENCY(value -> Values.isCurrency((String) value) ? null
                : "must be an ISO 4217 currency code in upper case, such as USD"),
        /** A calendar date; see {@link RequestValues#date}. */
        ISO_DATE(value -> RequestValues.date((String) value) != null ? null : "must be a date such as 2025-03-01"),
        /** A date-time with a zone; see {@link RequestValues#instant}. */
        ISO_INSTANT(value -> RequestValues.instant((String) value) != null ? null
                : "must be an ISO-8601 date-time such as 2025-03-01T09:00:00Z, in the years 1 to 9999"),
        /** Tags: each 1 to 50 characters, at most 50 different ones (repeats are dropped, not refused). */
        TAGS(value -> tagsProblem((List<?>) value));

        private final Function<Object, String> problem;

        Of(Function<Object, String> problem) {
            this.problem = problem;
        }

        private static String tagsProblem(List<?> tags) {
            if (tags.stream().anyMatch(tag -> !(tag instanceof String text) || text.isEmpty() || text.length() > 50)) {
                return "each tag must be a string of 1 to 50 characters";
            }
            return RequestValues.distinct(tags.stream().map(String.class::cast).toList()).size() > 50
                    ? "must hold at most 50 tags" : null;
        }
    }

    class Validator implements ConstraintValidator<Kind, Object> {

        private Of kind;

        @Override
        public void initialize(Kind annotation) {
            kind = annotation.value();
        }

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            String problem = value == null || "".equals(value) ? null : kind.problem.apply(value);
            if (problem != null) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            }
            return problem == null;
        }
    }
}
