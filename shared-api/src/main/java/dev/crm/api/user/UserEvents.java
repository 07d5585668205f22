package dev.crm.api.user;

/**
 * What happened to users and their tokens. A permanent contract: never change or remove a field of an
 * event that has landed; evolve it with an upcaster.
 */
public sealed interface UserEvents {

    String userId();

    record UserCreated(String userId, String firstName, String lastName, String email, Role role)
            implements UserEvents {
    }

    /** A correction of name or email; carries all three as they are afterwards. */
    record UserDetailsCorrected(String userId, String firstName, String lastName, String email)
            implements UserEvents {
    }

    record UserRoleChanged(String userId, Role previousRole, Role role) implements UserEvents {
    }

    record UserDeactivated(String userId) implements UserEvents {
    }

    record UserReactivated(String userId) implements UserEvents {
    }

    /** Only the SHA-256 of the token is recorded; the token itself is shown once, to whoever asked for it. */
    record TokenIssued(String userId, String tokenId, String tokenHash) implements UserEvents {
    }

    record TokenRevoked(String userId, String tokenId) implements UserEvents {
    }
}
