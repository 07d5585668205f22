package dev.crm.app.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.crm.api.user.AuthenticatedUser;
import dev.crm.api.user.Role;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Per-token rate limiting, so that one runaway integration cannot starve the others: each API token has a
 * token bucket (Bucket4j) of {@link RateLimitProperties}. Every limited answer carries the
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} headers (IETF
 * httpapi rate-limit fields); a request over budget is refused with {@code 429} and {@code Retry-After}
 * before it runs. Runs after Spring Security, so the token is known; unauthenticated requests are refused
 * there anyway.
 * <p>
 * Buckets live in each instance's memory: with N instances behind a load balancer a token may make up to N
 * times its budget in all, and a restart refills its buckets. Exact cluster-wide limits would cost a
 * database round trip on every request.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimitProperties limits;
    private final Problems problems;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    RateLimitFilter(RateLimitProperties limits, Problems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser caller)) {
            chain.doFilter(request, response);
            return;
        }
        boolean admin = caller.role() == Role.ADMIN;
        long rate = admin ? limits.adminRequestsPerSecond() : limits.requestsPerSecond();
        if (rate == 0) {
            chain.doFilter(request, response);
            return;
        }
        long burst = admin ? limits.adminBurst() : limits.burst();
        Bucket bucket = buckets.get(caller.tokenId(), id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(rate, Duration.ofSeconds(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        response.setHeader("RateLimit-Limit", Long.toString(burst));
        response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        response.setHeader("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "This token has used its budget of " + rate
                + " requests per second (bursts up to " + burst + "). Retry after " + retryAfter + " s.");
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
