package dev.crm.app.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside Spring MVC (in the servlet container or a filter) end up at {@code /error};
 * answer them in the problem shape too, without any detail of the inside. Requested directly, it is a 404.
 */
@Hidden // the container's error dispatch, not part of the API
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Asked for directly rather than forwarded to by the container: nothing lives here.
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Problems.of(HttpStatus.NOT_FOUND, "There is nothing at this path."));
        }
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null
                ? HttpStatus.valueOf(c) : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = status == HttpStatus.CONTENT_TOO_LARGE ? BodySizeLimitFilter.DETAIL
                : status.is5xxServerError() ? "Something went wrong on our side; the request may be retried."
                : status.getReasonPhrase();
        return ResponseEntity.status(status).body(Problems.of(status, detail));
    }
}
