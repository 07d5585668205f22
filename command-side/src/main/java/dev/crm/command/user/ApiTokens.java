package dev.crm.command.user;

import dev.crm.api.common.IdType;
import dev.crm.api.common.TokenHash;

import java.security.SecureRandom;
import java.util.Base64;

/** A freshly generated API token: {@code crm_} plus 256 random bits, and the hash that is all we keep. */
public record ApiTokens(String tokenId, String token, String hash) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static ApiTokens generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return of("crm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** A token whose value is given (the {@code CRM_ADMIN_TOKEN} bootstrap). */
    public static ApiTokens of(String token) {
        return new ApiTokens(IdType.TOKEN.newId(), token, TokenHash.of(token));
    }
}
