package dev.crm.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Bearer tokens on every {@code /api/**} endpoint and on {@code /actuator/prometheus}, and the role rules of
 * the API: {@code admin} may do everything (and alone scrape the metrics), {@code member} reads and writes CRM
 * records, {@code auditor} only reads (the audit log included). Rules that depend on the record or the caller
 * (managing one's own tokens) are {@code @PreAuthorize} on the handler method. The audit console's static files
 * are public and carry a strict content security policy; everything they show comes from the API under these
 * same rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String ADMIN = "ADMIN";
    private static final String MEMBER = "MEMBER";
    private static final String AUDITOR = "AUDITOR";
    /** Prometheus' scrape: what the server does and holds is for admins only. */
    private static final String METRICS = "/actuator/prometheus";

    /**
     * Only the console's own files: no inline script or style, no other origin, no framing, no plugins, and
     * {@code fetch} to this origin alone, so that an injected value can neither run nor send the token away.
     */
    private static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    /**
     * No observation per security filter: each costs more per request than it tells (HTTP request metrics
     * stay).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The audit console's static files (ConsoleResources): public, as they hold no data; the token the console
     * keeps is sent to the API, whose chain below decides what it may read.
     */
    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        return stateless(http)
                .securityMatcher("/console", "/console/**")
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONSOLE_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, TokenAuthenticationProvider tokens, ProblemResponses problems)
            throws Exception {
        AuthenticationFilter bearer = new AuthenticationFilter(new ProviderManager(tokens),
                new BearerTokenConverter());
        // Only the API and the metrics take tokens: health, OpenAPI and the rest answer without a database lookup.
        bearer.setRequestMatcher(new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/api/**"),
                PathPatternRequestMatcher.pathPattern(METRICS)));
        bearer.setSuccessHandler((request, response, authentication) -> { });
        bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));

        return stateless(http)
                .addFilterAt(bearer, BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/audit-log/**", "/api/audit-log", "/api/events/**", "/api/events",
                                "/api/audit/**", "/api/audit")
                        .hasAnyRole(ADMIN, AUDITOR)
                        .requestMatchers("/api/admin/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/users/*/tokens", "/api/users/*/tokens/")
                        .authenticated()
                        .requestMatchers(HttpMethod.DELETE, "/api/users/*/tokens/*", "/api/users/*/tokens/*/")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/api/**").authenticated()
                        .requestMatchers("/api/users/**", "/api/users").hasRole(ADMIN)
                        .requestMatchers("/api/**").hasAnyRole(ADMIN, MEMBER)
                        .requestMatchers(METRICS).hasRole(ADMIN)
                        .anyRequest().permitAll())
                .build();
    }

    /** No sessions, cookies, forms or CSRF tokens: every request stands alone (a bearer token, or nothing). */
    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }
}
