-- Point in time at any depth and breadth: every record table keeps its versions.
--
-- <table>_version holds one row per version of each record: the row as the record table held it after each
-- event, valid from its updated_at (the event's time) until valid_to, the time of the record's next event
-- ('infinity' while it is the current version). "The record as of T" is the one version with
-- updated_at <= T < valid_to; a list as of T is a list over those versions. A deleted record's versions stay
-- (the deletion closes the last one) and are marked deleted, so that those who may not read deleted records
-- leave them out.
--
-- Triggers on the record table write the versions in the same statement as the row itself, so the handlers,
-- the live projection and a rebuild's replay keep them without knowing; a deletion, which has no row left to
-- tell its time, closes the last version itself (RecordWriter). A set-based rebuild computes the versions
-- from the events in one statement (RecordFold) and tells the triggers to stand aside (crm.versions_folded).

-- (Re)creates the versions trigger of a record table with its current columns. A migration that adds a column
-- to a record table adds it to its versions table too and calls this again.
CREATE FUNCTION keep_versions(record_table text) RETURNS void LANGUAGE plpgsql AS $keep$
DECLARE
    columns text;
BEGIN
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO columns
      FROM pg_attribute
     WHERE attrelid = format('read_model.%I', record_table)::regclass AND attnum > 0 AND NOT attisdropped
       AND attgenerated = '';
    EXECUTE format($function$
        CREATE OR REPLACE FUNCTION read_model.%1$I() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF current_setting('crm.versions_folded', true) = 'on' THEN
                RETURN NULL;
            END IF;
            IF TG_OP = 'UPDATE' THEN
                UPDATE %2$I v SET valid_to = n.updated_at FROM new_rows n
                 WHERE v.id = n.id AND v.valid_to = 'infinity';
            END IF;
            INSERT INTO %2$I (%3$s) SELECT %3$s FROM new_rows;
            RETURN NULL;
        END $body$$function$, record_table || '_versioned', record_table || '_version', columns);
    EXECUTE format('DROP TRIGGER IF EXISTS %1$I ON read_model.%2$I', record_table || '_versioned_insert', record_table);
    EXECUTE format('DROP TRIGGER IF EXISTS %1$I ON read_model.%2$I', record_table || '_versioned_update', record_table);
    EXECUTE format('CREATE TRIGGER %1$I AFTER INSERT ON read_model.%2$I REFERENCING NEW TABLE AS new_rows'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION read_model.%3$I()',
                   record_table || '_versioned_insert', record_table, record_table || '_versioned');
    EXECUTE format('CREATE TRIGGER %1$I AFTER UPDATE ON read_model.%2$I REFERENCING NEW TABLE AS new_rows'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION read_model.%3$I()',
                   record_table || '_versioned_update', record_table, record_table || '_versioned');
END $keep$;

-- A record as of T is found by its primary key (id, then the last version that began by T); its current
-- version, which each of its events closes, by a small index of the current versions alone.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['contact', 'lead', 'account', 'opportunity', 'task', 'note'] LOOP
        EXECUTE format('CREATE TABLE %1$I (LIKE %2$I INCLUDING DEFAULTS INCLUDING GENERATED,'
                       ' valid_to timestamptz NOT NULL DEFAULT ''infinity'', deleted boolean NOT NULL DEFAULT false,'
                       ' PRIMARY KEY (id, updated_at, version))', t || '_version', t);
        EXECUTE format('CREATE UNIQUE INDEX %1$I ON %2$I (id) WHERE valid_to = ''infinity''',
                       t || '_version_current', t || '_version');
        PERFORM keep_versions(t);
    END LOOP;
END $$;

-- A list as of T walks an ordering's index from T down and skips, inside the index, the versions not valid at
-- T (a record's versions share its created_at, so they lie side by side). Only the orderings and filters a
-- list is most asked for have one: each index costs every write.
CREATE INDEX contact_version_created ON contact_version (created_at DESC, id DESC) INCLUDE (updated_at, valid_to, deleted);
CREATE INDEX contact_version_stage ON contact_version (stage, created_at DESC, id DESC) INCLUDE (updated_at, valid_to, deleted);
CREATE INDEX contact_version_assigned_to ON contact_version (assigned_to, created_at DESC, id DESC) INCLUDE (updated_at, valid_to, deleted);
CREATE INDEX contact_version_updated ON contact_version (updated_at, id) INCLUDE (valid_to, deleted);
CREATE INDEX contact_version_last_name ON contact_version (lower(last_name), id) INCLUDE (updated_at, valid_to, deleted);
CREATE INDEX contact_version_email ON contact_version (lower(email), id) INCLUDE (updated_at, valid_to, deleted);
CREATE INDEX lead_version_created ON lead_version (created_at DESC, id DESC) INCLUDE (updated_at, valid_to, deleted);
CREATE INDEX lead_version_status ON lead_version (status, created_at DESC, id DESC) INCLUDE (updated_at, valid_to, deleted);
CREATE INDEX lead_version_updated ON lead_version (updated_at, id) INCLUDE (valid_to, deleted);
CREATE INDEX account_version_created ON account_version (created_at DESC, id DESC) INCLUDE (updated_at, valid_to, deleted);
CREATE INDEX opportunity_version_created ON opportunity_version (created_at DESC, id DESC) INCLUDE (updated_at, valid_to, deleted);
CREATE INDEX opportunity_version_updated ON opportunity_version (updated_at, id) INCLUDE (valid_to, deleted);
CREATE INDEX task_version_created ON task_version (created_at DESC, id DESC) INCLUDE (updated_at, valid_to, deleted);
-- What an exact count as of T adds to the hourly counts below: the versions that began or ended within T's hour,
-- and the deleted records' versions, which a member does not see (in creation order: a list as of T in that
-- order walks the live table and merges these in).
CREATE INDEX contact_version_ended ON contact_version (valid_to) WHERE valid_to <> 'infinity';
CREATE INDEX contact_version_deleted ON contact_version (created_at DESC, id DESC) INCLUDE (updated_at, valid_to) WHERE deleted;
CREATE INDEX lead_version_ended ON lead_version (valid_to) WHERE valid_to <> 'infinity';
CREATE INDEX lead_version_deleted ON lead_version (created_at DESC, id DESC) INCLUDE (updated_at, valid_to) WHERE deleted;
CREATE INDEX opportunity_version_ended ON opportunity_version (valid_to) WHERE valid_to <> 'infinity';

-- Exact counts as of any instant, without counting versions: the counts of row_count (see its migration), kept
-- per hour for the versions tables. A version adds 1 to its keys in the hour it began and -1 in the hour it
-- ended, so a key's count as of T is the sum of its hours before T's hour, plus the versions that began, less
-- those that ended, within T's hour up to T. The record tables' own counts have no hour ('-infinity').
-- With hours there are many rows (a year of a busy table: a few hundred thousand), so the compaction folds only
-- the keys and hours that got new deltas: writers append them 'fresh', the compaction writes its sums not.
ALTER TABLE row_count ADD COLUMN hour timestamptz NOT NULL DEFAULT '-infinity',
                      ADD COLUMN fresh boolean NOT NULL DEFAULT true;
DROP INDEX row_count_key;
CREATE INDEX row_count_key ON row_count (table_name, key, hour) INCLUDE (n);
CREATE INDEX row_count_fresh ON row_count (table_name, key, hour) WHERE fresh;
-- A count as of an instant reads a key's past hours from the index alone once their pages are all-visible:
-- vacuum soon after the compaction has rewritten some of them.
ALTER TABLE row_count SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);

CREATE FUNCTION version_hours(valid_from timestamptz, valid_to timestamptz) RETURNS TABLE (hour timestamptz, n int)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT date_trunc('hour', valid_from, 'UTC'), 1
    UNION ALL SELECT date_trunc('hour', valid_to, 'UTC'), -1 WHERE valid_to <> 'infinity' $$;

CREATE FUNCTION opportunity_count_keys(stage text) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT '' UNION ALL SELECT 'stage=' || stage $$;

-- The counting trigger of a versions table: its keys are those of the record table's row_count.
CREATE FUNCTION count_versions(record_table text, count_keys text) RETURNS void LANGUAGE plpgsql AS $count$
DECLARE
    added text := format('SELECT k.key, h.hour, h.n FROM new_rows r, read_model.version_hours(r.updated_at, r.valid_to) h, %s AS k(key)', count_keys);
    removed text := format('SELECT k.key, h.hour, -h.n FROM old_rows r, read_model.version_hours(r.updated_at, r.valid_to) h, %s AS k(key)', count_keys);
    insert text := 'INSERT INTO read_model.row_count (table_name, key, hour, n) SELECT read_model.counted_table(TG_TABLE_SCHEMA, TG_TABLE_NAME), c.key, c.hour, sum(c.n) FROM (%s) c GROUP BY c.key, c.hour HAVING sum(c.n) <> 0';
BEGIN
    EXECUTE format($function$
        CREATE OR REPLACE FUNCTION read_model.%1$I() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                %2$s;
            ELSIF TG_OP = 'DELETE' THEN
                %3$s;
            ELSE
                %4$s;
            END IF;
            RETURN NULL;
        END $body$$function$, 'count_' || record_table || '_versions', format(insert, added), format(insert, removed),
        format(insert, added || ' UNION ALL ' || removed));
    EXECUTE format('CREATE TRIGGER %1$I AFTER INSERT ON read_model.%2$I REFERENCING NEW TABLE AS new_rows'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION read_model.%3$I()',
                   record_table || '_version_counted_insert', record_table || '_version', 'count_' || record_table || '_versions');
    EXECUTE format('CREATE TRIGGER %1$I AFTER UPDATE ON read_model.%2$I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION read_model.%3$I()',
                   record_table || '_version_counted_update', record_table || '_version', 'count_' || record_table || '_versions');
    EXECUTE format('CREATE TRIGGER %1$I AFTER DELETE ON read_model.%2$I REFERENCING OLD TABLE AS old_rows'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION read_model.%3$I()',
                   record_table || '_version_counted_delete', record_table || '_version', 'count_' || record_table || '_versions');
END $count$;

SELECT count_versions('contact', 'read_model.contact_count_keys(r.stage, r.assigned_to, r.tags)');
SELECT count_versions('lead', 'read_model.lead_count_keys(r.status, r.source, r.assigned_to)');
SELECT count_versions('opportunity', 'read_model.opportunity_count_keys(r.stage)');
