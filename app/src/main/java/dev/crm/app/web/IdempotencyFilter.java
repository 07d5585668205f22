package dev.crm.app.web;

import dev.crm.api.user.AuthenticatedUser;
import dev.crm.app.web.IdempotencyKeys.Answered;
import dev.crm.app.web.IdempotencyKeys.Claim;
import dev.crm.app.web.IdempotencyKeys.Claimed;
import dev.crm.app.web.IdempotencyKeys.Mismatch;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Idempotency-Key} on POSTs: the first request with a key (per user) runs and its answer is stored;
 * a repeat with the same method, path and body within 24 hours gets that answer again (status, body, ETag,
 * Location) and runs nothing, also while the first is still running (it waits for it). The same key with a
 * different request is a 422. Answers of 5xx are not kept: the work may not have happened, so a retry runs.
 * Runs after Spring Security, so the caller is known.
 * <p>
 * An answer can hold a secret (a new API token is shown once, and only its hash may be stored), so bodies
 * are stored sealed with AES-GCM under a key derived from the caller's bearer token and the idempotency key:
 * the table alone reveals nothing, and only a repeat with the same token can open the answer again.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1," + MAX_KEY_LENGTH + "}");
    private static final long WAIT_MS = 25;
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

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
        SecretKeySpec sealing = sealingKey(request, key);
        long giveUpAt = System.currentTimeMillis() + MAX_WAIT.toMillis();
        while (true) {
            Claim claim = keys.claim(user.userId(), key, fingerprint);
            if (claim instanceof Claimed) {
                run(new BufferedBodyRequest(request, body), response, chain, user.userId(), key, sealing);
                return;
            }
            if (claim instanceof Answered answered) {
                Optional<byte[]> opened = open(sealing, answered.body());
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
                     String key, SecretKeySpec sealing) throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, captured);
            if (captured.getStatus() < 500) {
                kept = keep(userId, key, new Answered(captured.getStatus(), captured.getContentType(),
                        captured.getHeader(HttpHeaders.ETAG), captured.getHeader(HttpHeaders.LOCATION),
                        seal(sealing, captured.getContentAsByteArray())));
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
        MessageDigest sha = sha256();
        sha.update((request.getMethod() + " " + path + "?" + request.getQueryString() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest(body));
    }

    /** Security has already accepted the {@code Authorization: Bearer <token>} header of this request. */
    private static SecretKeySpec sealingKey(HttpServletRequest request, String key) {
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring("Bearer ".length()).strip();
        byte[] secret = sha256().digest(("idempotency\n" + token + "\n" + key).getBytes(StandardCharsets.UTF_8));
        return new SecretKeySpec(secret, "AES");
    }

    private static byte[] seal(SecretKeySpec sealing, byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, sealing, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain);
            byte[] stored = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, stored, IV_BYTES, sealed.length);
            return stored;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has AES-GCM", e);
        }
    }

    /** Empty when the answer was sealed under another key (the first request came with another token). */
    private static Optional<byte[]> open(SecretKeySpec sealing, byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, sealing, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            return Optional.of(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has AES-GCM", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the first request with this key", e);
        }
    }

    /** The request with its body already read, so the controller can read it again. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already buffered");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
