package dev.crm.query.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Set;

/** An {@code ordering}: one of the list's sortable fields, optionally prefixed with {@code -} for descending. */
@Constraint(validatedBy = OrderBy.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface OrderBy {

    /** The API field names the list may be ordered by. */
    String[] value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OrderBy, String> {

        private Set<String> sortable;
        private String reason;

        @Override
        public void initialize(OrderBy annotation) {
            sortable = Set.of(annotation.value());
            reason = "must be one of " + String.join(", ", Arrays.stream(annotation.value()).sorted().toList())
                    + ", optionally prefixed with - for descending order";
        }

        @Override
        public boolean isValid(String ordering, ConstraintValidatorContext context) {
            if (ordering == null || sortable.contains(ordering.startsWith("-") ? ordering.substring(1) : ordering)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(reason).addConstraintViolation();
            return false;
        }
    }
}
