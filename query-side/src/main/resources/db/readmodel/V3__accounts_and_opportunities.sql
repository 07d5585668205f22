-- Accounts and opportunities. Like every read model: no foreign keys, rebuildable on its own.

CREATE TABLE account (
    id          text PRIMARY KEY,
    name        text        NOT NULL,
    domain      text,
    industry    text,
    phone       text,
    assigned_to text,
    tags        text[]      NOT NULL DEFAULT '{}',
    notes       text,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     bigint      NOT NULL,
    -- What "search" matches: name and domain, lower-cased and joined by a character no search term
    -- contains, so a match never spans two fields.
    search_text text GENERATED ALWAYS AS (lower(name || chr(31) || coalesce(domain, ''))) STORED
);
CREATE INDEX account_search ON account USING gin (search_text gin_trgm_ops);
CREATE INDEX account_created ON account (created_at DESC, id DESC);
CREATE INDEX account_assigned_to ON account (assigned_to, created_at DESC);
CREATE INDEX account_tags ON account USING gin (tags);

CREATE TABLE opportunity (
    id          text PRIMARY KEY,
    name        text        NOT NULL,
    -- unconstrained numeric keeps the scale it was given (12000 stays 12000, not 12000.00)
    value       numeric     NOT NULL,
    currency    text        NOT NULL,
    stage       text        NOT NULL,
    account_id  text,
    contact_id  text,
    assigned_to text,
    close_date  date,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     bigint      NOT NULL,
    search_text text GENERATED ALWAYS AS (lower(name)) STORED
);
CREATE INDEX opportunity_search ON opportunity USING gin (search_text gin_trgm_ops);
CREATE INDEX opportunity_created ON opportunity (created_at DESC, id DESC);
CREATE INDEX opportunity_stage ON opportunity (stage, created_at DESC);
CREATE INDEX opportunity_account ON opportunity (account_id);
CREATE INDEX opportunity_contact ON opportunity (contact_id);
CREATE INDEX opportunity_assigned_to ON opportunity (assigned_to, created_at DESC);
