package dev.crm.app.security;

import dev.crm.app.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Spring Security's refusals as problem+json, like every other error: 401 (with {@code WWW-Authenticate:
 * Bearer}), 403, and the firewall's. The firewall refuses URLs with encoded slashes, semicolons and the like
 * before anything else sees them; no resource lives at such a path (a malformed id is a 404 like any unknown
 * id), so it is answered as one. A method the firewall does not know ({@code FOO}) is a 405.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final Problems problems;

    ProblemResponses(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                tokenSent ? "Bearer realm=\"crm\", error=\"invalid_token\"" : "Bearer realm=\"crm\"");
        problems.write(response, HttpStatus.UNAUTHORIZED, tokenSent
                ? "The bearer token is malformed, unknown or revoked, or its user is deactivated."
                : "This endpoint needs an Authorization: Bearer <token> header.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(response, HttpStatus.FORBIDDEN, "Your role does not allow this request.");
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
