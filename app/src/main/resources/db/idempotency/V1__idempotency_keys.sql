-- Idempotency-Key: the first answer to a POST, kept for 24 hours per user and key so that a retry gets it
-- again instead of doing the work twice. Not a read model (it cannot be rebuilt from events), hence its own schema.

CREATE TABLE idempotency_key (
    user_id      text        NOT NULL,
    key          text        NOT NULL,
    fingerprint  text        NOT NULL,             -- SHA-256 of method, path and body of the first request
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    status       integer,                          -- null while the first request is still being answered
    content_type text,
    etag         text,
    location     text,
    body         bytea,                            -- sealed with a key only the caller can derive (see IdempotencyFilter)
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_key_expires_at ON idempotency_key (expires_at);
