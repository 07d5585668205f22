package dev.crm.command.web.constraints;

import java.math.BigDecimal;
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

/** Money: a number from 0 to below 10^15 with at most two decimals. */
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Amount.Validator.class)
public @interface Amount {

    String message() default "must be a number from 0 to below 1e15 with at most two decimals";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Amount, BigDecimal> {

        private static final BigDecimal LIMIT = new BigDecimal("1e15");

        @Override
        public boolean isValid(BigDecimal amount, ConstraintValidatorContext context) {
            return amount == null || amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= 2
                    && amount.compareTo(LIMIT) < 0;
        }
    }
}
