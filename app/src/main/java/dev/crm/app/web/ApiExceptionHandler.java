package dev.crm.app.web;

import dev.crm.api.common.ConflictException;
import dev.crm.api.common.ForbiddenException;
import dev.crm.api.common.InvalidRequestException;
import dev.crm.api.common.NotFoundException;
import dev.crm.api.common.VersionMismatchException;
import dev.crm.app.database.DatabaseAvailability;
import dev.crm.app.database.DatabaseFailures;
import org.apache.catalina.connector.ClientAbortException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.concurrent.CompletionException;

/**
 * Maps everything a request can run into to a problem+json answer. Domain exceptions carry their own
 * status; Spring MVC's own (404, 405, 415, ...) keep theirs with a detail fit for clients; a database that
 * cannot be reached is a 503 with {@code Retry-After}; a client that hung up gets nothing and is no error of
 * ours; anything else is a 500 whose detail says nothing about the inside.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final DatabaseAvailability availability;
    private final BindingErrors bindingErrors;

    ApiExceptionHandler(DatabaseAvailability availability, BindingErrors bindingErrors) {
        this.availability = availability;
        this.bindingErrors = bindingErrors;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return answer(Problems.invalid(e.errors()));
    }

    @ExceptionHandler({NotFoundException.class, AggregateNotFoundException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
        String detail = e instanceof NotFoundException ? e.getMessage() : "The record does not exist.";
        return answer(Problems.of(HttpStatus.NOT_FOUND, detail));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return answer(Problems.of(HttpStatus.CONFLICT, e.getMessage()));
    }

    /** Two writes to one record raced and this one lost: nothing of it was stored. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentWrite(ConcurrencyException e) {
        return answer(Problems.of(HttpStatus.CONFLICT,
                "The record was changed by another request at the same time; nothing was changed, try again."));
    }

    @ExceptionHandler(VersionMismatchException.class)
    ResponseEntity<ProblemDetail> preconditionFailed(VersionMismatchException e) {
        return answer(Problems.of(HttpStatus.PRECONDITION_FAILED, e.getMessage()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return answer(Problems.of(HttpStatus.FORBIDDEN, e.getMessage()));
    }

    /** A {@code @PreAuthorize} rule refused the caller: the same answer as the URL rules give. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return answer(Problems.of(HttpStatus.FORBIDDEN, "Your role does not allow this request."));
    }

    /** Query handlers answer through futures: judge the cause, not the wrapper. */
    @ExceptionHandler(CompletionException.class)
    ResponseEntity<ProblemDetail> completion(CompletionException e) throws Exception {
        if (e.getCause() instanceof Exception cause && !(cause instanceof CompletionException)) {
            return rethrowToSelf(cause);
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseFailures.isTemporary(e)) {
            availability.report(e);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS).body(Problems.unavailable());
        }
        if (isClientGone(e)) {
            LOG.debug("The client closed the connection before its answer was written");
            return null;
        }
        LOG.error("Unexpected error answering a request", e);
        return answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; the request may be retried."));
    }

    /** A request record or filter that failed Bean Validation or binding: one 400 naming every field. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return new ResponseEntity<>(Problems.invalid(bindingErrors.of(e.getBindingResult())), HttpStatus.BAD_REQUEST);
    }

    /** Constraints on single handler parameters (a path variable, a header, a request record). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        return new ResponseEntity<>(Problems.invalid(bindingErrors.of(e)), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (BodySizeLimitFilter.isTooLarge(e)) {
            return new ResponseEntity<>(Problems.of(HttpStatus.CONTENT_TOO_LARGE, BodySizeLimitFilter.DETAIL),
                    HttpStatus.CONTENT_TOO_LARGE);
        }
        return new ResponseEntity<>(Problems.of(HttpStatus.BAD_REQUEST, "The request body is not valid JSON."),
                HttpStatus.BAD_REQUEST);
    }

    /** Spring MVC's own errors: keep their status, give them our problem shape and a client-safe detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        HttpStatus resolved = HttpStatus.resolve(status.value());
        if (resolved == null || resolved.is5xxServerError()) {
            LOG.error("Unexpected error answering a request", e);
            resolved = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = switch (resolved) {
            case NOT_FOUND -> "There is nothing at this path.";
            case METHOD_NOT_ALLOWED -> "This path does not support that method.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json.";
            case NOT_ACCEPTABLE -> "This API answers with application/json.";
            case BAD_REQUEST -> "The request is malformed.";
            default -> resolved.getReasonPhrase();
        };
        return new ResponseEntity<>(Problems.of(resolved, detail), headers, resolved);
    }

    private ResponseEntity<ProblemDetail> rethrowToSelf(Exception cause) {
        if (cause instanceof InvalidRequestException c) return invalid(c);
        if (cause instanceof NotFoundException || cause instanceof AggregateNotFoundException) {
            return notFound((RuntimeException) cause);
        }
        if (cause instanceof ConflictException c) return conflict(c);
        if (cause instanceof VersionMismatchException c) return preconditionFailed(c);
        if (cause instanceof ForbiddenException c) return forbidden(c);
        return unexpected(cause);
    }

    private static boolean isClientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClientAbortException) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
