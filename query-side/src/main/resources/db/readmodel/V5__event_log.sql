-- History and audit log: a copy of every event of every record, in the shape the API shows, filled by the
-- event-log projection in the same transaction as the event append. Versioned far from V2.. so that it does
-- not collide with the read models added alongside it.

CREATE TABLE event_log (
    id          text        PRIMARY KEY,             -- evt_ + the event identifier as a ULID
    position    bigint      GENERATED ALWAYS AS IDENTITY,
    entity_type text        NOT NULL,
    entity_id   text        NOT NULL,
    version     bigint      NOT NULL,
    type        text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    actor_id    text,
    actor_name  text,
    changes     json        NOT NULL,                -- json, not jsonb: keeps the fields in the event's order
    UNIQUE (entity_id, version)
);
-- Every audit filter is an index whose order is the list's order, so a page is an index range scan.
CREATE INDEX event_log_position ON event_log (position, id);
CREATE INDEX event_log_entity ON event_log (entity_id, position, id);
CREATE INDEX event_log_entity_type ON event_log (entity_type, position, id);
CREATE INDEX event_log_actor ON event_log (actor_id, position, id);
CREATE INDEX event_log_type ON event_log (type, position, id);
CREATE INDEX event_log_occurred_at ON event_log (occurred_at);

-- Each record's state as its events left it (the fold the next event's "changes" are computed against),
-- and whether it has been deleted (its history is then a 404).
CREATE TABLE event_log_record (
    entity_id text    PRIMARY KEY,
    state     jsonb   NOT NULL,
    deleted   boolean NOT NULL DEFAULT false
);
