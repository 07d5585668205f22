package dev.crm.command.web.constraints;

import dev.crm.api.common.IdType;
import dev.crm.command.directory.OtherRecords;
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

/**
 * The id of a live record of the given type: first its shape ({@code usr_} and a ULID), then, only for a
 * well-formed id, that the record exists. An empty text is no reference (it clears one in a partial update).
 */
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Reference.Validator.class)
public @interface Reference {

    IdType value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Created by Spring's constraint validator factory, which hands it the query side's answers. */
    class Validator implements ConstraintValidator<Reference, String> {

        private final OtherRecords records;
        private IdType type;

        public Validator(OtherRecords records) {
            this.records = records;
        }

        @Override
        public void initialize(Reference reference) {
            type = reference.value();
        }

        @Override
        public boolean isValid(String id, ConstraintValidatorContext context) {
            if (id == null || id.isEmpty()) {
                return true;
            }
            // a well-formed id holds only letters, digits and "_": nothing a message template would read
            String problem = !type.matches(id) ? "must be a " + type.entityType() + " id (" + type.prefix() + "...)"
                    : !records.exists(id) ? "refers to no existing record: " + id : null;
            if (problem != null) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            }
            return problem == null;
        }
    }
}
