package dev.crm.query.admin;

import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.util.Locale;

/**
 * One projection (processing group) as the admin sees it.
 *
 * @param mode        how it follows the events
 * @param position    the event store's global index up to which the projection has processed
 * @param lag         how many global indexes it is behind the head of the store
 * @param state       whether its tables are being rebuilt
 * @param lastRebuild how the last rebuild since this instance started ended; {@code null} before the first
 */
public record ProjectionStatus(String name, Mode mode, long position, long lag, State state,
                               Rebuild lastRebuild) {

    /** {@code subscribing}: in the command's transaction; {@code tracking}: streaming, may lag. */
    public enum Mode {
        SUBSCRIBING, TRACKING, UNKNOWN;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum State {
        LIVE, REBUILDING;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param outcome whether it succeeded; when it failed, the projection keeps its tables
     * @param error   why it failed; {@code null} when it succeeded
     */
    public record Rebuild(Outcome outcome, Instant startedAt, Instant finishedAt, long millis, String error) {
    }

    public enum Outcome {
        SUCCEEDED, FAILED;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
