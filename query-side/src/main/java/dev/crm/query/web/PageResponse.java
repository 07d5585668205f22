package dev.crm.query.web;

import dev.crm.api.common.Page;
import dev.crm.api.common.PageQuery;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

/**
 * The body of every list answer. {@code next} and {@code previous} are absolute URLs that keep every
 * parameter of the request being answered (the host and scheme honour {@code X-Forwarded-*}), or {@code null}.
 */
public record PageResponse<T>(long count, String next, String previous, List<T> results) {

    public static <T> PageResponse<T> of(Page<T> page, PageQuery query) {
        boolean hasNext = query.offset() + query.limit() < page.count();
        boolean hasPrevious = query.page() > 1;
        return new PageResponse<>(page.count(),
                hasNext ? link(query.page() + 1) : null,
                hasPrevious ? link(query.page() - 1) : null,
                page.results());
    }

    private static String link(int page) {
        ServletUriComponentsBuilder request = ServletUriComponentsBuilder.fromCurrentRequest();
        String path = request.build().getPath();
        return request.replacePath(path == null || path.endsWith("/") ? path : path + "/")
                .replaceQueryParam("page", page)
                .build()
                .toUriString();
    }
}
