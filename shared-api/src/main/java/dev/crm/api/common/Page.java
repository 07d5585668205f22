package dev.crm.api.common;

import java.util.List;

/** One page of a list query: the total number of matches and the records on this page. * <p>
 * Query handlers declare it raw ({@code Page}, not {@code Page<ContactView>}): Axon matches a query's
 * expected answer against the handler's declared return type by raw class only.
 */
public record Page<T>(long count, List<T> results) {
}
