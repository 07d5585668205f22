package dev.crm.command.web.constraints;

import java.util.List;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;

/** Tags: each 1 to 50 characters, at most 50 different ones (repeats are dropped, not refused). */
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Tags.Validator.class)
public @interface Tags {

    String message() default "each tag must be a string of 1 to 50 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Tags, List<String>> {

        private static final int MAX_LENGTH = 50;
        private static final int MAX_TAGS = 50;

        @Override
        public boolean isValid(List<String> tags, ConstraintValidatorContext context) {
            if (tags == null) {
                return true;
            }
            if (tags.stream().anyMatch(tag -> tag == null || tag.isEmpty() || tag.length() > MAX_LENGTH)) {
                return false;
            }
            if (RequestValues.distinct(tags).size() > MAX_TAGS) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must hold at most " + MAX_TAGS + " tags")
                        .addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
