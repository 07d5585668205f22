-- Exact counts of a time window without counting its rows. The contacts' and leads' createdAfter/createdBefore
-- and the audit log's after/before counted every row in the window through an index (a week of contacts,
-- 20,000 rows: 4-10 ms, most of such a page's time). The record tables' counting triggers now also keep, per
-- hour of the window's column, how many rows fall in it: key '<column>' (created_at, occurred_at) with that
-- hour in row_count.hour (the other keys of these tables have no hour: '-infinity'). A window's count is then
-- the sum of the whole hours inside it plus the rows of its two partial hours, counted (PagedSql).
--
-- One definition of the three trigger functions, as for the versions (count_versions): an update adds the
-- keys of the new rows and takes away those of the old, so a key that did not move adds nothing (the
-- window's columns never change).
CREATE FUNCTION count_rows_by_hour(record_table text, count_keys text, time_column text) RETURNS void
    LANGUAGE plpgsql AS $count$
DECLARE
    rows text := 'SELECT k.key, ''-infinity''::timestamptz AS hour, %2$s AS n FROM %1$s r, ' || count_keys || ' AS k(key)'
        || format(' UNION ALL SELECT %1$L, date_trunc(''hour'', r.%1$I, ''UTC''), %%2$s FROM %%1$s r', time_column);
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

SELECT count_rows_by_hour('contact', 'read_model.contact_count_keys(r.stage, r.assigned_to, r.tags)', 'created_at');
SELECT count_rows_by_hour('lead', 'read_model.lead_count_keys(r.status, r.source, r.assigned_to)', 'created_at');
SELECT count_rows_by_hour('event_log', 'read_model.event_log_count_keys(r.entity_type, r.type, r.actor_id)',
                          'occurred_at');

-- What is there already.
INSERT INTO row_count (table_name, key, hour, n, fresh)
SELECT 'contact', 'created_at', date_trunc('hour', created_at, 'UTC'), count(*), false FROM contact GROUP BY 3;
INSERT INTO row_count (table_name, key, hour, n, fresh)
SELECT 'lead', 'created_at', date_trunc('hour', created_at, 'UTC'), count(*), false FROM lead GROUP BY 3;
INSERT INTO row_count (table_name, key, hour, n, fresh)
SELECT 'event_log', 'occurred_at', date_trunc('hour', occurred_at, 'UTC'), count(*), false FROM event_log GROUP BY 3;
