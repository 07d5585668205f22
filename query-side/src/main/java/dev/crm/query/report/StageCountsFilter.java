package dev.crm.query.report;

import dev.crm.api.common.EventNames;
import dev.crm.api.common.IdType;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The query string of {@code GET /api/reports/stage-counts/}: which kind of record, and the interval
 * boundaries from {@code from} to {@code to} (both inclusive) at which to count: 00:00 UTC of every day, of
 * every Monday ({@code week}) or of every 1st of a month ({@code month}).
 */
@StageCountsFilter.Bounded
record StageCountsFilter(
        @NotNull(message = StageDurationsFilter.STAGED)
        @Pattern(regexp = "contact|lead|opportunity", message = StageDurationsFilter.STAGED) String entityType,
        @NotNull Instant from, @NotNull Instant to,
        @NotNull(message = StageCountsFilter.INTERVALS)
        @Pattern(regexp = "day|week|month", message = StageCountsFilter.INTERVALS) String interval) {

    static final String INTERVALS = "must be one of: day, week, month";
    static final int MAX_POINTS = 1_000;

    IdType entity() {
        return EventNames.recordTypeNamed(entityType).orElseThrow();
    }

    /** The boundaries, oldest first; more than {@link #MAX_POINTS} stops at one past it. */
    List<Instant> points() {
        LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC);
        if (day.atStartOfDay().toInstant(ZoneOffset.UTC).isBefore(from)) {
            day = day.plusDays(1);
        }
        day = switch (interval) {
            case "week" -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            case "month" -> day.getDayOfMonth() == 1 ? day : day.with(TemporalAdjusters.firstDayOfNextMonth());
            default -> day;
        };
        List<Instant> points = new ArrayList<>();
        for (Instant at = start(day); !at.isAfter(to) && points.size() <= MAX_POINTS; at = start(day)) {
            points.add(at);
            day = switch (interval) {
                case "week" -> day.plusWeeks(1);
                case "month" -> day.plusMonths(1);
                default -> day.plusDays(1);
            };
        }
        return points;
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** {@code to} is not before {@code from}, and they hold at most {@link #MAX_POINTS} boundaries. */
    @Constraint(validatedBy = BoundedValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Bounded {

        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static class BoundedValidator implements ConstraintValidator<Bounded, StageCountsFilter> {
        @Override
        public boolean isValid(StageCountsFilter filter, ConstraintValidatorContext context) {
            if (filter.from() == null || filter.to() == null || filter.interval() == null
                    || !filter.interval().matches("day|week|month")) {
                return true;
            }
            String problem = filter.to().isBefore(filter.from()) ? "must not be before from"
                    : filter.points().size() > MAX_POINTS ? "must hold at most " + MAX_POINTS + " interval boundaries"
                    + " after from" : null;
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addPropertyNode("to").addConstraintViolation();
            return false;
        }
    }
}
