package dev.crm.app.security;

import dev.crm.app.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Spring Security's firewall refuses URLs with encoded slashes, semicolons and the like before anything
 * else sees them. No resource lives at such a path (a malformed id is a 404 like any unknown id), so
 * answer it as one, in the problem shape. A method the firewall does not know ({@code FOO}) is a 405.
 */
@Component
class RejectedRequestHandler implements RequestRejectedHandler {

    private final Problems problems;

    RejectedRequestHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        if (!Problems.STANDARD_METHODS.contains(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, Problems.ALLOWED_METHODS);
            problems.write(response, HttpStatus.METHOD_NOT_ALLOWED, "This path does not support that method.");
            return;
        }
        problems.write(response, HttpStatus.NOT_FOUND, "There is nothing at this path.");
    }
}
