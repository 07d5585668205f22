package dev.crm.app.web;

import dev.crm.api.common.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 9457 problem details, the shape of every error this API answers:
 * {@code {"type", "title", "status", "detail", "errors": [{"field", "message"}]}}. Details are written
 * for the client; they never carry a stack trace, SQL or a class name.
 */
@Component
public class Problems {

    /** How long a client should wait before retrying a 503: the database is probed four times a second. */
    static final String RETRY_AFTER_SECONDS = "1";

    /** The methods HTTP defines; any other is a client's invention, answered 405 with {@link #ALLOWED_METHODS}. */
    public static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS", "TRACE");
    /** The {@code Allow} header of a 405: every method some path of the API answers. */
    public static final String ALLOWED_METHODS = "GET, HEAD, POST, PATCH, DELETE, OPTIONS";

    private final JsonMapper jsonMapper;

    Problems(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public static ProblemDetail of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://crm.dev/problems/" + slug(status)));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, errors.size() == 1
                ? "The request has an invalid field."
                : "The request has " + errors.size() + " invalid fields.");
        problem.setProperty("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "message", e.message()))
                .toList());
        return problem;
    }

    /** For filters and security handlers, which answer before Spring MVC is involved. */
    public void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        write(response, of(status, detail));
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }

    /** The database cannot be used for the moment: 503, and when to try again. */
    public static ProblemDetail unavailable() {
        return of(HttpStatus.SERVICE_UNAVAILABLE,
                "The database is unreachable for the moment. Retry in a second (a POST with the same"
                        + " Idempotency-Key, so that it runs at most once).");
    }

    public void writeUnavailable(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        write(response, unavailable());
    }

    /** The problem as JSON text, for writers that are not servlet responses. */
    String json(ProblemDetail problem) {
        return jsonMapper.writeValueAsString(problem);
    }

    private static String slug(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase().replace(' ', '-');
    }
}
