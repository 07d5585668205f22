package dev.crm.command.web.constraints;

import dev.crm.command.common.Values;
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

/** An ISO 4217 currency code in upper case, such as {@code USD}. */
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Currency.Validator.class)
public @interface Currency {

    String message() default "must be an ISO 4217 currency code in upper case, such as USD";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Currency, String> {

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return code == null || code.isEmpty() || Values.isCurrency(code);
        }
    }
}
