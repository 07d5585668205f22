package dev.crm.api.user;

/** The answer to creating a user or a token: the only time the plain token is shown. */
public record IssuedToken(String id, String token, UserView user) {
}
