package dev.crm.app.web;

import dev.crm.api.common.FieldError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Refuses what no endpoint can make sense of before anything else reads the request, so that no such
 * request reaches SQL (where it would fail as a server error) or runs half-way:
 * <ul>
 *   <li>a query string that is not valid percent-encoded UTF-8 ({@code ?search=%}): 400;</li>
 *   <li>a {@code Content-Type} on a request with a body that is not a concrete media type
 *       ({@code *}{@code /*}, garbage): 415;</li>
 *   <li>an {@code Accept} header that is no list of media ranges: 400.</li>
 * </ul>
 * Text that PostgreSQL cannot store (NUL, unpaired surrogates) is refused field by field where the body or
 * the query parameters are read, so that it joins the one 400 that lists every invalid field.
 */
class MalformedRequestFilter extends OncePerRequestFilter {

    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final Problems problems;

    MalformedRequestFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (METHODS_WITH_BODY.contains(request.getMethod()) && !isConcreteMediaType(request.getContentType())) {
            problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.");
            return;
        }
        if (!isMediaRange(request.getHeader(HttpHeaders.ACCEPT))) {
            problems.write(response, Problems.invalid(List.of(new FieldError(HttpHeaders.ACCEPT,
                    "must be a list of media ranges, such as application/json"))));
            return;
        }
        try {
            parseQueryString(request);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Tomcat's InvalidParameterException: a bad %-escape or bytes that are not UTF-8.
            problems.write(response, HttpStatus.BAD_REQUEST,
                    "The query string is not valid: use percent-encoded UTF-8 (RFC 3986).");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Parses the parameters now, so that a malformed query string fails here and not wherever a parameter is
     * first read. A form body would be parsed (and consumed) too: no endpoint takes one, so such a request
     * goes on to its 415 unparsed.
     */
    private static void parseQueryString(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            request.getParameterMap();
        }
    }

    /** An Accept header that cannot be parsed would leave even an error without a way to be written. */
    private static boolean isMediaRange(String accept) {
        if (accept == null) {
            return true;
        }
        try {
            MediaType.parseMediaTypes(accept);
            return true;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** No header is fine (an empty body); one that is there must name one concrete type. */
    private static boolean isConcreteMediaType(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isConcrete();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
