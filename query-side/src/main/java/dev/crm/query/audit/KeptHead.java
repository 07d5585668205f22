package dev.crm.query.audit;

import dev.crm.query.web.WholeNumber;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * The query string of {@code GET /api/audit/verify/}: optionally a head an auditor kept outside the system,
 * {@code position} and {@code hash} (both or neither), which the chain must still reach.
 */
@KeptHead.BothOrNeither
record KeptHead(@WholeNumber Long position,
                @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hexadecimal digits") String hash) {

    Optional<KeptHead> given() {
        return position == null ? Optional.empty() : Optional.of(this);
    }

    /** {@code position} and {@code hash} come together: one alone is reported on the missing one. */
    @Constraint(validatedBy = BothOrNeitherValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface BothOrNeither {

        String message() default "position and hash come together";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static class BothOrNeitherValidator implements ConstraintValidator<BothOrNeither, KeptHead> {
        @Override
        public boolean isValid(KeptHead head, ConstraintValidatorContext context) {
            if ((head.position() == null) == (head.hash() == null)) {
                return true;
            }
            String missing = head.position() == null ? "position" : "hash";
            String other = head.position() == null ? "hash" : "position";
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("is required with " + other)
                    .addPropertyNode(missing).addConstraintViolation();
            return false;
        }
    }
}
