package dev.crm.query.export;

import dev.crm.api.common.EventNames;
import dev.crm.api.common.IdType;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event type as the export names it, {@code <entity>.<event>} in snake case ({@code contact.stage_changed}),
 * or with {@link #entityOnly} just the entity ({@code contact}); the entity is a kind of record.
 */
@Constraint(validatedBy = EventTypeName.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface EventTypeName {

    Pattern TYPE = Pattern.compile("([a-z]+)\\.([a-z][a-z0-9_]*)");

    boolean entityOnly() default false;

    String message() default "must be <entity>.<event> in snake case, e.g. contact.stage_changed";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EventTypeName, String> {

        private static final String UNKNOWN_ENTITY = "the entity must be one of: "
                + String.join(", ", Arrays.stream(IdType.values()).map(IdType::entityType).toList());

        private boolean entityOnly;

        @Override
        public void initialize(EventTypeName annotation) {
            entityOnly = annotation.entityOnly();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String entity = value;
            if (!entityOnly) {
                Matcher matcher = TYPE.matcher(value);
                if (!matcher.matches()) {
                    return false;
                }
                entity = matcher.group(1);
            }
            if (EventNames.recordTypeNamed(entity).isPresent()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(UNKNOWN_ENTITY).addConstraintViolation();
            return false;
        }
    }
}
