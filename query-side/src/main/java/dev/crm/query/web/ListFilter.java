package dev.crm.query.web;

import dev.crm.api.common.PageQuery;

import java.util.Arrays;
import java.util.List;

/**
 * The query parameters every list takes besides its filters: {@code page} (default 1), {@code limit} (default
 * 20, clamped to 100) and {@code ordering}, a sortable field with an optional {@code -} for descending
 * (default newest first). A list's filter record declares them with their constraints
 * ({@link WholeNumber}, {@link OrderBy}) and reads its {@link PageQuery} from here.
 */
public interface ListFilter {

    int DEFAULT_LIMIT = 20;
    int MAX_LIMIT = 100;

    Integer page();

    Integer limit();

    String ordering();

    default PageQuery pageQuery() {
        return pageQuery("createdAt", true);
    }

    /** The page, ordered by {@code ordering} when given, else by {@code field} in the given direction. */
    default PageQuery pageQuery(String field, boolean descending) {
        int number = page() == null ? 1 : page();
        int size = Math.min(limit() == null ? DEFAULT_LIMIT : limit(), MAX_LIMIT);
        if (ordering() == null) {
            return new PageQuery(number, size, field, descending);
        }
        boolean reversed = ordering().startsWith("-");
        return new PageQuery(number, size, reversed ? ordering().substring(1) : ordering(), reversed);
    }

    /** Comma-separated tags ({@code tags=vip,emea}): records must carry every one; {@code null} for none. */
    static List<String> tags(String commaSeparated) {
        if (commaSeparated == null) {
            return null;
        }
        List<String> tags = Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .toList();
        return tags.isEmpty() ? null : tags;
    }
}
