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
import org.springframework.stereotype.Component;

import java.io.IOException;

/** 401 (with {@code WWW-Authenticate: Bearer}) and 403 as problem+json, like every other error. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

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
}
