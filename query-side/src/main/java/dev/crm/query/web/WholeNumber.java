package dev.crm.query.web;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Min;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A whole number of at least {@link #min}: a {@code page} or {@code limit} (at least 1), a position (at least 0). */
@Min(1)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeNumber {

    @OverridesAttribute(constraint = Min.class, name = "value")
    long min() default 1;

    String message() default "must be a whole number of at least {min}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
