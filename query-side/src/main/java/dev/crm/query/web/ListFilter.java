package dev.crm.query.web;

import dev.crm.api.common.PageQuery;

import java.time.Instant;
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

    /**
     * The instant the list is asked as of ({@code ?asOf=}), {@code null} for now; a list filter that offers it
     * declares a component of this name. An instant in the future asks for the present.
     */
    default Instant asOf() {
        return null;
    }

    default PageQuery pageQuery() {
        return pageQuery("createdAt", true);
    }

    /** The page, ordered by {@code ordering} when given, else by {@code field} in the given direction. */
    default PageQuery pageQuery(String field, boolean descending) {
        int number = page() == null ? 1 : page();
        int size = Math.min(limit() == null ? DEFAULT_LIMIT : limit(), MAX_LIMIT);
        Instant asOf = asOf() == null || asOf().isAfter(Instant.now()) ? null : asOf();
        if (ordering() == null) {
            return new PageQuery(number, size, field, descending, asOf);
        }
        boolean reversed = ordering().startsWith("-");
        return new PageQuery(number, size, reversed ? ordering().substring(1) : ordering(), reversed, asOf);
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
