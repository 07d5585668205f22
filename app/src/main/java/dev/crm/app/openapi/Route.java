package dev.crm.app.openapi;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A handler method's path and HTTP method, read from its mappings, and what its shape says: a collection
 * ({@code /api/contacts}), one of its items ({@code /api/contacts/{id}}) or an action on an item
 * ({@code /api/leads/{id}/convert}).
 *
 * @param segments the path's segments after {@code /api/}
 */
record Route(String path, RequestMethod method, List<String> segments) {

    static Route of(HandlerMethod handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        String path = first(type) + first(mapping);
        RequestMethod method = mapping != null && mapping.method().length > 0 ? mapping.method()[0] : RequestMethod.GET;
        List<String> segments = Arrays.stream(path.replaceFirst("^/api/", "").split("/"))
                .filter(s -> !s.isEmpty()).toList();
        return new Route(path, method, segments);
    }

    private static String first(RequestMapping mapping) {
        return mapping == null || mapping.path().length == 0 ? "" : mapping.path()[0];
    }

    /** The resource the path ends in or acts on: the last segment that names one. */
    Optional<Resource> resource() {
        for (int i = segments.size() - 1; i >= 0; i--) {
            Optional<Resource> named = Resource.named(segments.get(i));
            if (named.isPresent()) {
                return named;
            }
        }
        return Optional.empty();
    }

    boolean isCollection() {
        return !segments.isEmpty() && Resource.named(last()).isPresent();
    }

    boolean isItem() {
        return last().startsWith("{");
    }

    boolean hasPathVariables() {
        return path.contains("{");
    }

    /** Only admins (and for the audit trail auditors) may call it, whatever the HTTP method. */
    boolean isRestricted() {
        return path.startsWith("/api/admin") || path.startsWith("/api/audit") || path.startsWith("/api/events");
    }

    String last() {
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }
}
