-- Read models: projections of the event store, rebuildable at any time. No foreign keys between them,
-- so each can be dropped and rebuilt on its own.

-- Trigram indexes make the case-insensitive substring search ("search=") an index lookup.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA read_model;

CREATE TABLE app_user (
    id         text PRIMARY KEY,
    first_name text,
    last_name  text,
    email      text        NOT NULL,
    role       text        NOT NULL,
    active     boolean     NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version    bigint      NOT NULL
);
CREATE INDEX app_user_created ON app_user (created_at DESC, id DESC);

CREATE TABLE api_token (
    id         text PRIMARY KEY,
    user_id    text        NOT NULL,
    token_hash text        NOT NULL,
    revoked    boolean     NOT NULL DEFAULT false,
    issued_at  timestamptz NOT NULL
);
CREATE INDEX api_token_user ON api_token (user_id);
CREATE INDEX api_token_hash ON api_token (token_hash);

CREATE TABLE contact (
    id            text PRIMARY KEY,
    first_name    text,
    last_name     text,
    email         text        NOT NULL,
    phone         text,
    title         text,
    stage         text        NOT NULL,
    account_id    text,
    assigned_to   text,
    tags          text[]      NOT NULL DEFAULT '{}',
    email_opt_out boolean     NOT NULL,
    email_bounced boolean     NOT NULL,
    notes         text,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       bigint      NOT NULL,
    -- What "search" matches: the full name (which holds first and last name), email and phone, lower-cased
    -- and joined by a character no search term contains, so a match never spans two fields.
    search_text   text GENERATED ALWAYS AS (lower(
                      trim(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))
                      || chr(31) || email || chr(31) || coalesce(phone, ''))) STORED
);
CREATE INDEX contact_search ON contact USING gin (search_text gin_trgm_ops);
CREATE INDEX contact_created ON contact (created_at DESC, id DESC);
CREATE INDEX contact_stage ON contact (stage, created_at DESC);
CREATE INDEX contact_assigned_to ON contact (assigned_to, created_at DESC);
CREATE INDEX contact_account ON contact (account_id);
CREATE INDEX contact_tags ON contact USING gin (tags);
