package dev.crm.app.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Reads {@code Authorization: Bearer <token>}. No header means anonymous (the entry point then answers
 * 401 where a token is needed); a header that is not a bearer token is refused at once.
 */
class BearerTokenConverter implements AuthenticationConverter {

    private static final String PREFIX = "Bearer ";

    @Override
    public Authentication convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        if (header.length() <= PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new BadCredentialsException("the Authorization header must be: Bearer <token>");
        }
        String token = header.substring(PREFIX.length()).strip();
        if (token.isEmpty() || token.length() > 512) {
            throw new BadCredentialsException("malformed bearer token");
        }
        return new PreAuthenticatedAuthenticationToken(null, token);
    }
}
