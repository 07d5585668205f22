package dev.crm.query.user;

import dev.crm.api.user.UserEvents.TokenIssued;
import dev.crm.api.user.UserEvents.TokenRevoked;
import dev.crm.api.user.UserEvents.UserCreated;
import dev.crm.api.user.UserEvents.UserDeactivated;
import dev.crm.api.user.UserEvents.UserDetailsCorrected;
import dev.crm.api.user.UserEvents.UserReactivated;
import dev.crm.api.user.UserEvents.UserRoleChanged;
import dev.crm.query.admin.ReadModelTables;
import dev.crm.query.sql.DeferredWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static dev.crm.query.sql.Rows.timestamp;
import static dev.crm.query.sql.Rows.version;

/**
 * Keeps {@code app_user} and {@code api_token} in step with the user events, and tells {@link TokenCache}
 * about every change that can make a cached token owner wrong.
 */
@Component
@ReadModelTables(value = {"app_user", "api_token"}, recordsIndependent = true)
@ProcessingGroup(UserProjection.GROUP)
class UserProjection {

    static final String GROUP = "users";

    private final DeferredWrites writes;
    private final TokenCache tokens;

    UserProjection(DeferredWrites writes, TokenCache tokens) {
        this.writes = writes;
        this.tokens = tokens;
    }

    @EventHandler
    void on(UserCreated event, @Timestamp Instant at, @SequenceNumber long sequence) {
        writes.update("app_user", """
                INSERT INTO app_user
                    (id, first_name, last_name, email, role, active, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, true, ?, ?, ?)""",
                event.userId(), event.firstName(), event.lastName(), event.email(), event.role().toString(),
                timestamp(at), timestamp(at), version(sequence));
    }

    @EventHandler
    void on(UserDetailsCorrected event, @Timestamp Instant at, @SequenceNumber long sequence) {
        writes.update("app_user", """
                UPDATE app_user SET first_name = ?, last_name = ?, email = ?, updated_at = ?, version = ?
                 WHERE id = ?""",
                event.firstName(), event.lastName(), event.email(), timestamp(at), version(sequence), event.userId());
        tokens.changed(event.userId());
    }

    @EventHandler
    void on(UserRoleChanged event, @Timestamp Instant at, @SequenceNumber long sequence) {
        writes.update("app_user", "UPDATE app_user SET role = ?, updated_at = ?, version = ? WHERE id = ?",
                event.role().toString(), timestamp(at), version(sequence), event.userId());
        tokens.changed(event.userId());
    }

    @EventHandler
    void on(UserDeactivated event, @Timestamp Instant at, @SequenceNumber long sequence) {
        setActive(event.userId(), false, at, sequence);
        tokens.changed(event.userId());
    }

    @EventHandler
    void on(UserReactivated event, @Timestamp Instant at, @SequenceNumber long sequence) {
        setActive(event.userId(), true, at, sequence);
    }

    /** Tokens do not change what the user looks like, but they are events of the user and count as versions. */
    @EventHandler
    void on(TokenIssued event, @Timestamp Instant at, @SequenceNumber long sequence) {
        writes.update("api_token",
                "INSERT INTO api_token (id, user_id, token_hash, issued_at) VALUES (?, ?, ?, ?)",
                event.tokenId(), event.userId(), event.tokenHash(), timestamp(at));
        bumpVersion(event.userId(), sequence);
    }

    @EventHandler
    void on(TokenRevoked event, @SequenceNumber long sequence) {
        writes.update("api_token", "UPDATE api_token SET revoked = true WHERE id = ?", event.tokenId());
        bumpVersion(event.userId(), sequence);
        tokens.changed(event.userId());
    }

    private void setActive(String userId, boolean active, Instant at, long sequence) {
        writes.update("app_user", "UPDATE app_user SET active = ?, updated_at = ?, version = ? WHERE id = ?",
                active, timestamp(at), version(sequence), userId);
    }

    private void bumpVersion(String userId, long sequence) {
        writes.update("app_user", "UPDATE app_user SET version = ? WHERE id = ?", version(sequence), userId);
    }
}
