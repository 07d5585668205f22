-- A rebuild fills its shadow tables in a schema of their own, read_model_rebuild, under the live tables'
-- names: the projections name their tables unqualified, and a rebuild's transactions put this schema first
-- on their search_path (the application's connections have read_model there), so the same handlers write the
-- shadows. At the swap the shadows move into read_model (ALTER TABLE ... SET SCHEMA), with their indexes,
-- triggers and identity sequences.
CREATE SCHEMA IF NOT EXISTS read_model_rebuild;

-- The counts of a shadow are kept apart from the live table's, under '<table>_rebuild' as before, and take
-- the live table's name at the swap.
CREATE FUNCTION counted_table(schema_name text, table_name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE schema_name WHEN 'read_model' THEN table_name ELSE table_name || '_rebuild' END $$;

CREATE OR REPLACE FUNCTION count_contact_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT read_model.counted_table(TG_TABLE_SCHEMA, TG_TABLE_NAME), k.key, count(*) FROM new_rows r, read_model.contact_count_keys(r.stage, r.assigned_to, r.tags) AS k(key) GROUP BY k.key;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT read_model.counted_table(TG_TABLE_SCHEMA, TG_TABLE_NAME), k.key, -count(*) FROM old_rows r, read_model.contact_count_keys(r.stage, r.assigned_to, r.tags) AS k(key) GROUP BY k.key;
    ELSE
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT read_model.counted_table(TG_TABLE_SCHEMA, TG_TABLE_NAME), k.key, sum(k.n) FROM (
            SELECT c.key, -1 AS n FROM old_rows r, read_model.contact_count_keys(r.stage, r.assigned_to, r.tags) AS c(key)
            UNION ALL
            SELECT c.key, 1 FROM new_rows r, read_model.contact_count_keys(r.stage, r.assigned_to, r.tags) AS c(key)) k
        GROUP BY k.key HAVING sum(k.n) <> 0;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION count_lead_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT read_model.counted_table(TG_TABLE_SCHEMA, TG_TABLE_NAME), k.key, count(*) FROM new_rows r, read_model.lead_count_keys(r.status, r.source, r.assigned_to) AS k(key) GROUP BY k.key;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT read_model.counted_table(TG_TABLE_SCHEMA, TG_TABLE_NAME), k.key, -count(*) FROM old_rows r, read_model.lead_count_keys(r.status, r.source, r.assigned_to) AS k(key) GROUP BY k.key;
    ELSE
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT read_model.counted_table(TG_TABLE_SCHEMA, TG_TABLE_NAME), k.key, sum(k.n) FROM (
            SELECT c.key, -1 AS n FROM old_rows r, read_model.lead_count_keys(r.status, r.source, r.assigned_to) AS c(key)
            UNION ALL
            SELECT c.key, 1 FROM new_rows r, read_model.lead_count_keys(r.status, r.source, r.assigned_to) AS c(key)) k
        GROUP BY k.key HAVING sum(k.n) <> 0;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION count_event_log_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT read_model.counted_table(TG_TABLE_SCHEMA, TG_TABLE_NAME), k.key, count(*) FROM new_rows r, read_model.event_log_count_keys(r.entity_type, r.type, r.actor_id) AS k(key) GROUP BY k.key;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT read_model.counted_table(TG_TABLE_SCHEMA, TG_TABLE_NAME), k.key, -count(*) FROM old_rows r, read_model.event_log_count_keys(r.entity_type, r.type, r.actor_id) AS k(key) GROUP BY k.key;
    ELSE
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT read_model.counted_table(TG_TABLE_SCHEMA, TG_TABLE_NAME), k.key, sum(k.n) FROM (
            SELECT c.key, -1 AS n FROM old_rows r, read_model.event_log_count_keys(r.entity_type, r.type, r.actor_id) AS c(key)
            UNION ALL
            SELECT c.key, 1 FROM new_rows r, read_model.event_log_count_keys(r.entity_type, r.type, r.actor_id) AS c(key)) k
        GROUP BY k.key HAVING sum(k.n) <> 0;
    END IF;
    RETURN NULL;
END $$;

-- Shadows the previous rebuild left in read_model if it crashed (it named them <table>_rebuild).
DROP TABLE IF EXISTS app_user_rebuild, api_token_rebuild, contact_rebuild, lead_rebuild, account_rebuild,
    opportunity_rebuild, note_rebuild, task_rebuild, event_log_rebuild, event_log_record_rebuild,
    report_lead_rebuild, report_stage_visit_rebuild;
