package dev.crm.command.web.constraints;

import dev.crm.api.common.Patch;
import dev.crm.command.common.PersonRules;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A new person (contact, lead, user) needs a first or a last name: {@link PersonRules} is the rule, which the
 * aggregates hold too; here it is answered on {@code firstName} together with every other problem of the request.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NameRequired.Validator.class)
public @interface NameRequired {

    String message() default PersonRules.NAME_REQUIRED;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A request that names a person. */
    interface Named {
        Patch<String> firstName();

        Patch<String> lastName();
    }

    class Validator implements ConstraintValidator<NameRequired, Named> {

        @Override
        public boolean isValid(Named request, ConstraintValidatorContext context) {
            if (request == null || PersonRules.hasName(request.firstName().value(), request.lastName().value())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("firstName").addConstraintViolation();
            return false;
        }
    }
}
