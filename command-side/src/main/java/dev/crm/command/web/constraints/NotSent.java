package dev.crm.command.web.constraints;

import dev.crm.api.common.Patch;
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

/** A field that may not be in the request at all (in the groups given). */
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotSent.Validator.class)
public @interface NotSent {

    String message() default "may not be given";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NotSent, Patch<?>> {

        @Override
        public boolean isValid(Patch<?> patch, ConstraintValidatorContext context) {
            return patch == null || !patch.isSent();
        }
    }
}
