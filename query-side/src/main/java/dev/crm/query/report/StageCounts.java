package dev.crm.query.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How many records were in each stage (status, for leads) at each boundary of an interval, from the records'
 * versions, which are written with the events: {@code position} is the last event (global index) written when
 * it was read.
 */
public record StageCounts(String entityType, String interval, long position, List<Point> points) {

    /** The counts at one instant: every stage, zeros included. */
    public record Point(Instant at, Map<String, Long> counts) {
    }
}
