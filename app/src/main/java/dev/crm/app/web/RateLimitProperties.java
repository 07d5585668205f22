package dev.crm.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The request budget of one API token ({@code crm.rate-limit.*}): a token bucket that holds {@code burst}
 * requests and refills at {@code requestsPerSecond}. Admin tokens have a budget of their own, unlimited by
 * default ({@code adminRequestsPerSecond = 0}). {@code requestsPerSecond = 0} turns the limit off.
 */
@ConfigurationProperties("crm.rate-limit")
record RateLimitProperties(long requestsPerSecond, long burst, long adminRequestsPerSecond, long adminBurst) {

    RateLimitProperties {
        if (requestsPerSecond < 0 || burst < 0 || adminRequestsPerSecond < 0 || adminBurst < 0) {
            throw new IllegalArgumentException("crm.rate-limit.* must not be negative");
        }
        burst = Math.max(burst, requestsPerSecond);
        adminBurst = Math.max(adminBurst, adminRequestsPerSecond);
    }
}
