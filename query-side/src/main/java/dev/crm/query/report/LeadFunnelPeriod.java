package dev.crm.query.report;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/** The query string of {@code GET /api/reports/lead-funnel/}: leads created from {@code from} until {@code to}. */
@LeadFunnelPeriod.Chronological
record LeadFunnelPeriod(Instant from, Instant to) {

    /** {@code to}, when given with {@code from}, is after it. */
    @Constraint(validatedBy = ChronologicalValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Chronological {

        String message() default "must be after from";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static class ChronologicalValidator implements ConstraintValidator<Chronological, LeadFunnelPeriod> {
        @Override
        public boolean isValid(LeadFunnelPeriod period, ConstraintValidatorContext context) {
            if (period.from() == null || period.to() == null || period.from().isBefore(period.to())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("to").addConstraintViolation();
            return false;
        }
    }
}
