-- Deep pages in creation order found from the kept counts. Page 2,000 of a list by creation time stepped over
-- 40,000 index entries (8 ms of a million contacts, most of the page's time); the hours counted by V18 say in
-- which hour a page begins and how many of that hour's rows come before it, so only those are stepped over
-- (HourSeek). V18 counts the hours of all of a table's rows; for a list filtered by one counted value (a stage,
-- an owner, a tag; a status, a source) the contacts' and leads' triggers now also keep, per hour of created_at,
-- the rows with that value: key 'created_at|<key>' (created_at|stage=engaged). A write adds one count per
-- value and hour it touches, as it adds one per value.
--
-- The generator of V18 again, with the hours of each key. The audit log keeps V18's: it is never listed in
-- the order of its time column (position orders it).
DROP FUNCTION count_rows_by_hour(text, text, text);

CREATE FUNCTION count_rows_by_hour_of_each_key(record_table text, count_keys text, time_column text) RETURNS void
    LANGUAGE plpgsql AS $count$
DECLARE
    rows text := 'SELECT k.key, ''-infinity''::timestamptz AS hour, %2$s AS n FROM %1$s r, ' || count_keys || ' AS k(key)'
        || format(' UNION ALL SELECT %1$L, date_trunc(''hour'', r.%1$I, ''UTC''), %%2$s FROM %%1$s r', time_column)
        || format(' UNION ALL SELECT %1$L || ''|'' || k.key, date_trunc(''hour'', r.%1$I, ''UTC''), %%2$s FROM %%1$s r, ',
                  time_column) || count_keys || ' AS k(key) WHERE k.key <> ''''';
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
        END $body$$function$, 'count_' || record_table || '_rows',
        format(insert, format(rows, 'new_rows', '1')), format(insert, format(rows, 'old_rows', '-1')),
        format(insert, format(rows, 'new_rows', '1') || ' UNION ALL ' || format(rows, 'old_rows', '-1')));
END $count$;

SELECT count_rows_by_hour_of_each_key('contact', 'read_model.contact_count_keys(r.stage, r.assigned_to, r.tags)',
                                      'created_at');
SELECT count_rows_by_hour_of_each_key('lead', 'read_model.lead_count_keys(r.status, r.source, r.assigned_to)',
                                      'created_at');

-- What is there already.
INSERT INTO row_count (table_name, key, hour, n, fresh)
SELECT 'contact', 'created_at|' || k.key, date_trunc('hour', r.created_at, 'UTC'), count(*), false
  FROM contact r, contact_count_keys(r.stage, r.assigned_to, r.tags) AS k(key) WHERE k.key <> '' GROUP BY 2, 3;
INSERT INTO row_count (table_name, key, hour, n, fresh)
SELECT 'lead', 'created_at|' || k.key, date_trunc('hour', r.created_at, 'UTC'), count(*), false
  FROM lead r, lead_count_keys(r.status, r.source, r.assigned_to) AS k(key) WHERE k.key <> '' GROUP BY 2, 3;
