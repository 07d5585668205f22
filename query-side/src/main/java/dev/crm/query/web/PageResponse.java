package dev.crm.query.web;

import dev.crm.api.common.Page;
import dev.crm.api.common.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

/**
 * The body of every list answer. {@code next} and {@code previous} are absolute URLs that keep every
 * parameter of the request (the host and scheme honour {@code X-Forwarded-*}), or {@code null}.
 */
public record PageResponse<T>(long count, String next, String previous, List<T> results) {

    public static <T> PageResponse<T> of(Page<T> page, PageQuery query, HttpServletRequest request) {
        boolean hasNext = query.offset() + query.limit() < page.count();
        boolean hasPrevious = query.page() > 1;
        return new PageResponse<>(page.count(),
                hasNext ? link(request, query.page() + 1) : null,
                hasPrevious ? link(request, query.page() - 1) : null,
                page.results());
    }

    private static String link(HttpServletRequest request, int page) {
        String path = request.getRequestURI();
        return ServletUriComponentsBuilder.fromRequest(request)
                .replacePath(path.endsWith("/") ? path : path + "/")
                .replaceQueryParam("page", page)
                .build()
                .toUriString();
    }
}
