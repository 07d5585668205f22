package dev.crm.query.report;

import java.time.Instant;
import java.util.Map;

/**
 * What became of the leads created in {@code [from, to)} (either bound may be open), computed from the
 * events up to {@code position} (a global index of the event store).
 *
 * @param reached                       per status, how many of those leads were ever in it
 * @param conversionRate                converted / created, {@code null} when none was created
 * @param medianTimeToConversionSeconds from creation to conversion, {@code null} when none converted
 */
public record LeadFunnel(Instant from, Instant to, long position, long created, Map<String, Long> reached,
                         long converted, Double conversionRate, Double medianTimeToConversionSeconds) {
}
