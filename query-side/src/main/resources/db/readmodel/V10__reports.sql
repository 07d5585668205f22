-- Report projections (streaming processors "stage-durations" and "lead-funnel"): they may lag behind
-- the event store and are rebuilt by replaying it (their reset handlers empty these tables).

-- One row per stay of a record in a stage (contacts, opportunities) or status (leads): entered with the
-- event numbered "visit" in the record's stream, left at left_at (NULL while it is still there).
CREATE TABLE report_stage_visit (
    entity_type text        NOT NULL,
    record_id   text        NOT NULL,
    visit       bigint      NOT NULL,
    stage       text        NOT NULL,
    entered_at  timestamptz NOT NULL,
    left_at     timestamptz,
    PRIMARY KEY (record_id, visit)
);
CREATE INDEX report_stage_visit_open ON report_stage_visit (record_id) WHERE left_at IS NULL;
CREATE INDEX report_stage_visit_stage ON report_stage_visit (entity_type, stage);

-- One row per lead ever created (deleted ones included: they were created): the statuses it reached.
CREATE TABLE report_lead (
    lead_id      text        PRIMARY KEY,
    created_at   timestamptz NOT NULL,
    reached      text[]      NOT NULL,
    converted_at timestamptz
);
CREATE INDEX report_lead_created ON report_lead (created_at);
