package dev.crm.query.admin;

import java.time.Instant;

/**
 * One projection (processing group) as the admin sees it.
 *
 * @param mode        {@code subscribing} (in the command's transaction) or {@code tracking} (streaming, may lag)
 * @param position    the event store's global index up to which the projection has processed
 * @param lag         how many global indexes it is behind the head of the store
 * @param state       {@code live} or {@code rebuilding}
 * @param lastRebuild how the last rebuild since this instance started ended; {@code null} before the first
 */
public record ProjectionStatus(String name, String mode, long position, long lag, String state,
                               Rebuild lastRebuild) {

    /**
     * @param outcome {@code succeeded} or {@code failed} (the projection then keeps its tables)
     * @param error   why it failed; {@code null} when it succeeded
     */
    public record Rebuild(String outcome, Instant startedAt, Instant finishedAt, long millis, String error) {
    }
}
