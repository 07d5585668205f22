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

/** A field of a partial update that may be changed but not emptied: neither {@code null} nor blank. */
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotCleared.Validator.class)
public @interface NotCleared {

    String message() default "cannot be empty";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NotCleared, Patch<?>> {

        @Override
        public boolean isValid(Patch<?> patch, ConstraintValidatorContext context) {
            return patch == null || !patch.isCleared() && !(patch.value() instanceof String text && text.isBlank());
        }
    }
}
