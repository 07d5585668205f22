package dev.crm.app.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat answers some requests itself, before any filter or Spring sees them: a malformed request line or
 * header, a header too large, a method it does not implement ({@code CONNECT}). This valve takes the place
 * of Tomcat's HTML error page, so those answers are problem+json like every other. A method nobody here
 * implements is the client's mistake, so it is a 405 (an unknown transfer coding a 400), not Tomcat's 501.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final Problems problems;

    ProblemErrorReportValve(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = clientFacing(response.getStatus(), request.getMethod());
        response.setStatus(status.value());
        if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            response.setHeader(HttpHeaders.ALLOW, Problems.ALLOWED_METHODS);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        try {
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problems.json(Problems.of(status, detail(status))));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot be written any more: nothing left to tell.
        }
    }

    private static HttpStatus clientFacing(int code, String method) {
        if (code == HttpStatus.NOT_IMPLEMENTED.value()) {
            // Tomcat's 501 is for a method it does not implement, or a transfer coding it does not (gzip).
            return Problems.STANDARD_METHODS.contains(method) ? HttpStatus.BAD_REQUEST : HttpStatus.METHOD_NOT_ALLOWED;
        }
        if (code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value()) {
            return HttpStatus.BAD_REQUEST;
        }
        HttpStatus status = HttpStatus.resolve(code);
        return status != null ? status : HttpStatus.BAD_REQUEST;
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is malformed: check its request line, URL encoding and headers.";
            case METHOD_NOT_ALLOWED -> "This path does not support that method.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request headers are too large.";
            case URI_TOO_LONG -> "The request URL is too long.";
            default -> status.is5xxServerError()
                    ? "Something went wrong on our side; the request may be retried." : status.getReasonPhrase();
        };
    }
}
