package dev.crm.app.web;

import dev.crm.app.database.DatabaseAvailability;
import dev.crm.app.database.DatabaseFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Requests during a database outage: an API request is answered {@code 503} with {@code Retry-After} at
 * once while the circuit is open; any request whose database work fails outside Spring MVC (the bearer token
 * lookup in the security filters, the idempotency filter), where no exception handler would see it, gets the
 * same answer instead of the container's 500.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private final DatabaseAvailability availability;
    private final Problems problems;

    DatabaseOutageFilter(DatabaseAvailability availability, Problems problems) {
        this.availability = availability;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!availability.isAvailable() && request.getRequestURI().startsWith("/api/")) {
            problems.writeUnavailable(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted() || !DatabaseFailures.isTemporary(e)) {
                throw e;
            }
            availability.report(e);
            response.reset();
            response.setHeader(RequestIdFilter.HEADER, MDC.get(RequestIdFilter.MDC_KEY));
            problems.writeUnavailable(response);
        }
    }
}
