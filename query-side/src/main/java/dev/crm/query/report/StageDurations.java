package dev.crm.query.report;

import java.util.List;

/**
 * How long records stay in each stage (status, for leads), computed from the events up to
 * {@code position} (a global index of the event store).
 */
public record StageDurations(String entityType, long position, List<Stage> stages) {

    /**
     * @param entered       how many times records entered the stage
     * @param left          how many of those stays have ended (the others are still going on)
     * @param meanSeconds   mean duration of the ended stays, {@code null} when none ended
     * @param medianSeconds median duration of the ended stays, {@code null} when none ended
     */
    public record Stage(String stage, long entered, long left, Double meanSeconds, Double medianSeconds) {
    }
}
