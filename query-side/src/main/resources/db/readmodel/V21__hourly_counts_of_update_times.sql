-- Deep pages in update-time order found from the kept counts, as V19 does for creation order. Page 2,000 of the
-- contacts by updatedAt stepped over 40,000 entries of (updated_at, id) (p50 16 ms of a million contacts under
-- eight clients, most of the page's time); the contacts' counting trigger now also keeps, per hour of
-- updated_at, how many contacts were last changed in it: key 'updated_at'. A change moves its contact from the
-- hour of its previous change to the hour of this one (nothing when both are the same hour), so a write adds at
-- most two counts. Only for the whole list: per counted value (a stage, an owner) it would add as many counts
-- again per write as V19 did, for pages asked for far less often.
--
-- The generator of V19 again, with the columns whose hours alone are counted besides.
DROP FUNCTION count_rows_by_hour_of_each_key(text, text, text);

CREATE FUNCTION count_rows_by_hour(record_table text, count_keys text, time_column text, hour_columns text[])
    RETURNS void LANGUAGE plpgsql AS $count$
DECLARE
    rows text := 'SELECT k.key, ''-infinity''::timestamptz AS hour, %2$s AS n FROM %1$s r, ' || count_keys || ' AS k(key)'
        || format(' UNION ALL SELECT %1$L || ''|'' || k.key, date_trunc(''hour'', r.%1$I, ''UTC''), %%2$s FROM %%1$s r, ',
                  time_column) || count_keys || ' AS k(key) WHERE k.key <> '''''
        || (SELECT string_agg(format(' UNION ALL SELECT %1$L, date_trunc(''hour'', r.%1$I, ''UTC''), %%2$s FROM %%1$s r',
                                     c), '' ORDER BY n)
              FROM unnest(time_column || hour_columns) WITH ORDINALITY AS h(c, n));
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

SELECT count_rows_by_hour('contact', 'read_model.contact_count_keys(r.stage, r.assigned_to, r.tags)', 'created_at',
                          ARRAY['updated_at']);
SELECT count_rows_by_hour('lead', 'read_model.lead_count_keys(r.status, r.source, r.assigned_to)', 'created_at',
                          ARRAY[]::text[]);

-- What is there already.
INSERT INTO row_count (table_name, key, hour, n, fresh)
SELECT 'contact', 'updated_at', date_trunc('hour', updated_at, 'UTC'), count(*), false FROM contact GROUP BY 3;
ANALYZE row_count;
