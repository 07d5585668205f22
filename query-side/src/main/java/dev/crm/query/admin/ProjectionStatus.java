package dev.crm.query.admin;

/**
 * One projection (processing group) as the admin sees it.
 *
 * @param mode     {@code subscribing} (in the command's transaction) or {@code tracking} (streaming, may lag)
 * @param position the event store's global index up to which the projection has processed
 * @param lag      how many global indexes it is behind the head of the store
 * @param state    {@code live} or {@code rebuilding}
 */
public record ProjectionStatus(String name, String mode, long position, long lag, String state) {
}
