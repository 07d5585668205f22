CREATE TABLE lead (
    id                   text PRIMARY KEY,
    first_name           text,
    last_name            text,
    email                text        NOT NULL,
    phone                text,
    company              text,
    status               text        NOT NULL,
    source               text,
    assigned_to          text,
    lead_score           integer,
    email_opt_out        boolean     NOT NULL,
    email_bounced        boolean     NOT NULL,
    converted_at         timestamptz,
    converted_contact_id text,
    notes                text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    version              bigint      NOT NULL,
    -- What "search" matches: the full name, email and company (see contact.search_text).
    search_text          text GENERATED ALWAYS AS (lower(
                             trim(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))
                             || chr(31) || email || chr(31) || coalesce(company, ''))) STORED
);
CREATE INDEX lead_created ON lead (created_at DESC, id DESC);
CREATE INDEX lead_status ON lead (status, created_at DESC);
CREATE INDEX lead_source ON lead (source, created_at DESC);
CREATE INDEX lead_assigned_to ON lead (assigned_to, created_at DESC);
CREATE INDEX lead_converted_contact ON lead (converted_contact_id);
CREATE INDEX lead_search ON lead USING gin (search_text gin_trgm_ops);
