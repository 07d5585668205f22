package dev.crm.command.lead;

import dev.crm.api.lead.LeadStatus;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.TYPE_USE;

/**
 * A status a request may set ({@link Lead#isWritable}), answered with the other problems of the request; the
 * lead holds the same rule for commands that do not come through the API.
 */
@Target(TYPE_USE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WritableStatus.Validator.class)
@interface WritableStatus {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WritableStatus, LeadStatus> {

        @Override
        public boolean isValid(LeadStatus status, ConstraintValidatorContext context) {
            if (status == null || Lead.isWritable(status)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // braces in a message template name parameters: "{id}" is text here
            context.buildConstraintViolationWithTemplate(Lead.CONVERTED_ONLY_BY_CONVERSION.replace("{", "\\{")
                    .replace("}", "\\}")).addConstraintViolation();
            return false;
        }
    }
}
