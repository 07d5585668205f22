package dev.crm.api.user;

/** Who is calling: the user a valid token belongs to, and which token it was. */
public record AuthenticatedUser(String userId, String name, Role role, String tokenId) {
}
