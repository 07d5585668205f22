CREATE TABLE note (
    id         text PRIMARY KEY,
    contact_id text        NOT NULL,
    body       text        NOT NULL,
    author_id  text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version    bigint      NOT NULL
);
CREATE INDEX note_contact ON note (contact_id, created_at DESC, id DESC);

CREATE TABLE task (
    id          text PRIMARY KEY,
    title       text        NOT NULL,
    due_at      timestamptz,
    status      text        NOT NULL,
    contact_id  text,
    assigned_to text,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     bigint      NOT NULL
);
CREATE INDEX task_created ON task (created_at DESC, id DESC);
CREATE INDEX task_contact ON task (contact_id, created_at DESC);
CREATE INDEX task_assigned_to ON task (assigned_to, status, due_at);
CREATE INDEX task_due ON task (status, due_at);
