package dev.crm.app.web;

import dev.crm.api.user.AuthenticatedUser;
import dev.crm.app.web.IdempotencyKeys.Answered;
import dev.crm.app.web.IdempotencyKeys.Claim;
import dev.crm.app.web.IdempotencyKeys.Claimed;
import dev.crm.app.web.IdempotencyKeys.Mismatch;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on POSTs: the first request with a key (per user) runs and its answer is stored;
 * a repeat with the same method, path and body within 24 hours gets that answer again (status, body, ETag,
 * Location) and runs nothing, also while the first is still running (it waits for it). The same key with a
 * different request is a 422. Answers of 5xx are not kept: the work may not have happened, so a retry runs.
 * Runs after Spring Security, so the caller is known.
 * Kept answers are sealed (see {@link AnswerSeal}).
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1," + MAX_KEY_LENGTH + "}");
    private static final long WAIT_MS = 25;
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;
    private final Problems problems;

    IdempotencyFilter(IdempotencyKeys keys, Problems problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AuthenticatedUser user)) {
            chain.doFilter(request, response); // security answers it
            return;
        }
        String key = request.getHeader(HEADER).strip();
        if (!KEY.matcher(key).matches()) {
            problems.write(response, HttpStatus.BAD_REQUEST, "The Idempotency-Key header must hold 1 to "
                    + MAX_KEY_LENGTH + " visible ASCII characters (a UUID is a good key).");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (IOException e) {
            if (BodySizeLimitFilter.isTooLarge(e)) {
                problems.write(response, HttpStatus.CONTENT_TOO_LARGE, BodySizeLimitFilter.DETAIL);
                return;
            }
            throw e;
        }
        String fingerprint = fingerprint(request, body);
        // security has already accepted this request's Authorization: Bearer <token> header
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring("Bearer ".length()).strip();
        AnswerSeal seal = AnswerSeal.forRequest(token, key);
        long giveUpAt = System.currentTimeMillis() + MAX_WAIT.toMillis();
        while (true) {
            Claim claim = keys.claim(user.userId(), key, fingerprint);
            if (claim instanceof Claimed) {
                run(new BufferedBodyRequest(request, body), response, chain, user.userId(), key, seal);
                return;
            }
            if (claim instanceof Answered answered) {
                Optional<byte[]> opened = seal.open(answered.body());
                if (opened.isEmpty()) {
                    problems.write(response, HttpStatus.CONFLICT, "The first request with this Idempotency-Key "
                            + "was made with another token; repeat it with that token, or use a new key.");
                    return;
                }
                replay(answered, opened.get(), response);
                return;
            }
            if (claim instanceof Mismatch) {
                problems.write(response, HttpStatus.UNPROCESSABLE_CONTENT, "This Idempotency-Key was already used "
                        + "for a different request; use a new key for a new request.");
                return;
            }
            if (System.currentTimeMillis() > giveUpAt) {
                problems.write(response, HttpStatus.CONFLICT,
                        "A request with this Idempotency-Key is still being answered; try again shortly.");
                return;
            }
            sleep(); // InProgress: the first request's answer is coming
        }
    }

    /**
     * Runs the request and keeps its answer. The answer goes to the client even when it cannot be kept (the
     * database went away after the write committed): a write that happened is never answered as a failure.
     */
    private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String userId,
                     String key, AnswerSeal seal) throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, captured);
            if (captured.getStatus() < 500) {
                kept = keep(userId, key, new Answered(captured.getStatus(), captured.getContentType(),
                        captured.getHeader(HttpHeaders.ETAG), captured.getHeader(HttpHeaders.LOCATION),
                        seal.seal(captured.getContentAsByteArray())));
            }
        } finally {
            if (!kept) {
                release(userId, key);
            }
            captured.copyBodyToResponse();
        }
    }

    private boolean keep(String userId, String key, Answered answer) {
        try {
            keys.complete(userId, key, answer);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not keep the answer to Idempotency-Key {} of user {}: {}", key, userId, e.toString());
            return false;
        }
    }

    /** Frees the key for a retry; if even that fails, the claim lapses on its own (see IdempotencyKeys). */
    private void release(String userId, String key) {
        try {
            keys.release(userId, key);
        } catch (RuntimeException e) {
            LOG.warn("Could not release Idempotency-Key {} of user {}: {}", key, userId, e.toString());
        }
    }

    private static void replay(Answered answer, byte[] body, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, answer.etag());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Same key, same request: method, path (with or without its trailing slash), query and body byte for byte. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        String path = request.getRequestURI();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        MessageDigest sha = AnswerSeal.sha256();
        sha.update((request.getMethod() + " " + path + "?" + request.getQueryString() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest(body));
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the first request with this key", e);
        }
    }
}
