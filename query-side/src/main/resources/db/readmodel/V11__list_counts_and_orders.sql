-- Lists that stay fast at millions of rows.
--
-- 1. Exact counts without counting rows. A list page shows how many records match; counting a million rows
--    takes a quarter of a second. Triggers on the big tables keep, in the writing transaction, how many rows
--    there are in all and per value of each column a list filters by with equality. They only ever append
--    deltas (+n, -n), so concurrent writers never wait for each other on a counter row; RowCounts folds the
--    deltas of a key into one row every few seconds. A count is the sum of its key's rows. The counts are
--    keyed by the table's own name (TG_TABLE_NAME), so the shadow a rebuild fills (contact_rebuild, with the
--    same triggers) keeps its own counts, which take the live table's name at the swap.
CREATE TABLE row_count (
    table_name text   NOT NULL,
    key        text   NOT NULL, -- '' for every row, else '<column>=<value>' (a text[] column: one per element)
    n          bigint NOT NULL
);
CREATE INDEX row_count_key ON row_count (table_name, key) INCLUDE (n);

CREATE FUNCTION contact_count_keys(stage text, assigned_to text, tags text[]) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ''
    UNION ALL SELECT 'stage=' || stage
    UNION ALL SELECT 'assigned_to=' || assigned_to WHERE assigned_to IS NOT NULL
    UNION ALL SELECT DISTINCT 'tags=' || tag FROM unnest(tags) AS tag $$;

CREATE FUNCTION lead_count_keys(status text, source text, assigned_to text) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ''
    UNION ALL SELECT 'status=' || status
    UNION ALL SELECT 'source=' || source WHERE source IS NOT NULL
    UNION ALL SELECT 'assigned_to=' || assigned_to WHERE assigned_to IS NOT NULL $$;

CREATE FUNCTION event_log_count_keys(entity_type text, type text, actor_id text) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ''
    UNION ALL SELECT 'entity_type=' || entity_type
    UNION ALL SELECT 'type=' || type
    UNION ALL SELECT 'actor_id=' || actor_id WHERE actor_id IS NOT NULL $$;

-- Statement triggers with transition tables: one insert of deltas per statement, however many rows it wrote
-- (a group commit's contacts arrive as one multi-row INSERT). An update that moves no key adds nothing. A
-- trigger with transition tables fires for one kind of statement, and each kind has only its own tables.
CREATE FUNCTION count_contact_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT TG_TABLE_NAME, k.key, count(*) FROM new_rows r, read_model.contact_count_keys(r.stage, r.assigned_to, r.tags) AS k(key) GROUP BY k.key;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT TG_TABLE_NAME, k.key, -count(*) FROM old_rows r, read_model.contact_count_keys(r.stage, r.assigned_to, r.tags) AS k(key) GROUP BY k.key;
    ELSE
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT TG_TABLE_NAME, k.key, sum(k.n) FROM (
            SELECT c.key, -1 AS n FROM old_rows r, read_model.contact_count_keys(r.stage, r.assigned_to, r.tags) AS c(key)
            UNION ALL
            SELECT c.key, 1 FROM new_rows r, read_model.contact_count_keys(r.stage, r.assigned_to, r.tags) AS c(key)) k
        GROUP BY k.key HAVING sum(k.n) <> 0;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER contact_counted_insert AFTER INSERT ON contact REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_contact_rows();
CREATE TRIGGER contact_counted_update AFTER UPDATE ON contact REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_contact_rows();
CREATE TRIGGER contact_counted_delete AFTER DELETE ON contact REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_contact_rows();

CREATE FUNCTION count_lead_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT TG_TABLE_NAME, k.key, count(*) FROM new_rows r, read_model.lead_count_keys(r.status, r.source, r.assigned_to) AS k(key) GROUP BY k.key;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT TG_TABLE_NAME, k.key, -count(*) FROM old_rows r, read_model.lead_count_keys(r.status, r.source, r.assigned_to) AS k(key) GROUP BY k.key;
    ELSE
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT TG_TABLE_NAME, k.key, sum(k.n) FROM (
            SELECT c.key, -1 AS n FROM old_rows r, read_model.lead_count_keys(r.status, r.source, r.assigned_to) AS c(key)
            UNION ALL
            SELECT c.key, 1 FROM new_rows r, read_model.lead_count_keys(r.status, r.source, r.assigned_to) AS c(key)) k
        GROUP BY k.key HAVING sum(k.n) <> 0;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER lead_counted_insert AFTER INSERT ON lead REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_lead_rows();
CREATE TRIGGER lead_counted_update AFTER UPDATE ON lead REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_lead_rows();
CREATE TRIGGER lead_counted_delete AFTER DELETE ON lead REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_lead_rows();

CREATE FUNCTION count_event_log_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT TG_TABLE_NAME, k.key, count(*) FROM new_rows r, read_model.event_log_count_keys(r.entity_type, r.type, r.actor_id) AS k(key) GROUP BY k.key;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT TG_TABLE_NAME, k.key, -count(*) FROM old_rows r, read_model.event_log_count_keys(r.entity_type, r.type, r.actor_id) AS k(key) GROUP BY k.key;
    ELSE
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT TG_TABLE_NAME, k.key, sum(k.n) FROM (
            SELECT c.key, -1 AS n FROM old_rows r, read_model.event_log_count_keys(r.entity_type, r.type, r.actor_id) AS c(key)
            UNION ALL
            SELECT c.key, 1 FROM new_rows r, read_model.event_log_count_keys(r.entity_type, r.type, r.actor_id) AS c(key)) k
        GROUP BY k.key HAVING sum(k.n) <> 0;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER event_log_counted_insert AFTER INSERT ON event_log REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_event_log_rows();
CREATE TRIGGER event_log_counted_update AFTER UPDATE ON event_log REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_event_log_rows();
CREATE TRIGGER event_log_counted_delete AFTER DELETE ON event_log REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_event_log_rows();

-- What is there already (a database upgraded to this version).
INSERT INTO row_count (table_name, key, n)
SELECT 'contact', k.key, count(*) FROM contact r, contact_count_keys(r.stage, r.assigned_to, r.tags) AS k(key) GROUP BY k.key;
INSERT INTO row_count (table_name, key, n)
SELECT 'lead', k.key, count(*) FROM lead r, lead_count_keys(r.status, r.source, r.assigned_to) AS k(key) GROUP BY k.key;
INSERT INTO row_count (table_name, key, n)
SELECT 'event_log', k.key, count(*) FROM event_log r, event_log_count_keys(r.entity_type, r.type, r.actor_id) AS k(key)
 GROUP BY k.key;

-- 2. Every ordering a list offers is an index that ends with the id (the tie-breaker), and every equality
--    filter an index (filter, created_at, id): a page is a range scan of the index, and a deep page skips its
--    offset inside the index alone (an index-only scan, see PagedSql), without visiting the skipped rows.
--    Sort keys that are expressions carry their column (INCLUDE), which index-only scans need.
-- The default order carries the tags: a tag filter walks it and checks each entry's tags in the index.
DROP INDEX contact_created;
CREATE INDEX contact_created ON contact (created_at DESC, id DESC) INCLUDE (tags);
DROP INDEX contact_stage;
CREATE INDEX contact_stage ON contact (stage, created_at DESC, id DESC);
DROP INDEX contact_assigned_to;
CREATE INDEX contact_assigned_to ON contact (assigned_to, created_at DESC, id DESC);
CREATE INDEX contact_updated ON contact (updated_at, id);
CREATE INDEX contact_last_name ON contact (lower(last_name), id) INCLUDE (last_name);
CREATE INDEX contact_email ON contact (lower(email), id) INCLUDE (email);

DROP INDEX lead_status;
CREATE INDEX lead_status ON lead (status, created_at DESC, id DESC);
DROP INDEX lead_source;
CREATE INDEX lead_source ON lead (source, created_at DESC, id DESC);
DROP INDEX lead_assigned_to;
CREATE INDEX lead_assigned_to ON lead (assigned_to, created_at DESC, id DESC);
CREATE INDEX lead_score ON lead (coalesce(lead_score, -1), id) INCLUDE (lead_score);
