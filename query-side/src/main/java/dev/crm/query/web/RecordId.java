package dev.crm.query.web;

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

/** The id of a record of type {@link #value} ({@code usr_...}), or of any type when none is given. */
@Constraint(validatedBy = RecordId.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface RecordId {

    IdType[] value() default {};

    /** Words that stand for something other than a record and are allowed too ({@code system}). */
    String[] or() default {};

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RecordId, String> {

        private RecordId annotation;

        @Override
        public void initialize(RecordId annotation) {
            this.annotation = annotation;
        }

        @Override
        public boolean isValid(String id, ConstraintValidatorContext context) {
            if (id == null || Arrays.asList(annotation.or()).contains(id) || (annotation.value().length == 0
                    ? EventNames.recordType(id).isPresent()
                    : Arrays.stream(annotation.value()).anyMatch(type -> type.matches(id)))) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(reason()).addConstraintViolation();
            return false;
        }

        private String reason() {
            if (annotation.value().length == 0) {
                return "must be a record id, such as cnt_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
            }
            IdType type = annotation.value()[0];
            String reason = "must be a " + type.entityType() + " id (" + type.prefix() + "...)";
            return annotation.or().length == 0 ? reason : reason + " or " + String.join(" or ", annotation.or());
        }
    }
}
