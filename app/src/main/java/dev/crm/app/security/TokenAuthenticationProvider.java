package dev.crm.app.security;

import dev.crm.api.common.TokenHash;
import dev.crm.api.user.AuthenticatedUser;
import dev.crm.api.user.UserQueries.AuthenticateToken;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves a bearer token to its user by the token's hash. Asked on every request, so a revoked token
 * or a deactivated user stops working at once.
 */
@Component
class TokenAuthenticationProvider implements AuthenticationProvider {

    private final QueryGateway queryGateway;

    TokenAuthenticationProvider(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = (String) authentication.getCredentials();
        Optional<AuthenticatedUser> user = queryGateway.query(new AuthenticateToken(TokenHash.of(token)),
                ResponseTypes.optionalInstanceOf(AuthenticatedUser.class)).join();
        AuthenticatedUser caller = user.orElseThrow(() -> new BadCredentialsException("unknown or revoked token"));
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name().toUpperCase(Locale.ROOT)));
        return new PreAuthenticatedAuthenticationToken(caller, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PreAuthenticatedAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
