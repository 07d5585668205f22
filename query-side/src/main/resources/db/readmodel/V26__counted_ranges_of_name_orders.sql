-- Deep pages of the contacts by lastName or email found from kept counts, as V19, V21 and V24 do for creation
-- time, update time and a lead's score. Page 2,000 of a million contacts by lastName stepped over 40,000 entries
-- of (lower(last_name), id): p50 12 to 18 ms and p99 26 to 37 ms under eight clients. A name is no time and no
-- small set of values, so the ordering is cut into ranges at marks: rows (sort key, id) of the ordering laid
-- every few thousand rows (OrderMarks lays them as a range grows, under a short lock). Each row is counted in
-- the range of the greatest mark below it (key '<column>#<mark>', mark 0 below the first mark), so a deep page
-- sums the ranges' counts from the end it is read from, begins at the mark the sum says and steps over at most
-- one range's rows. Rows without the key (a contact without a last name) are in no range: they come last in
-- the ordering and are counted apart.
--
-- A mark's sort key compares in the database's collation, as lower(last_name) in the ordering's index does: a
-- row lies above a mark in the one exactly when it lies after it in the other.
CREATE TABLE order_mark (
    mark       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name text NOT NULL,
    ordering   text NOT NULL,
    sort_key   text NOT NULL,
    id         text NOT NULL,
    UNIQUE (table_name, ordering, sort_key, id) INCLUDE (mark)
);

-- The ranges of a contact's keys: for each ordering, the greatest mark below its (sort key, id), one probe of the
-- marks' index; a contact without the key is counted apart ('<column>#-'), so that a page from the end where
-- those contacts are knows how many come before the ranges.
CREATE FUNCTION contact_ranges(of_table text, of_last_name text, of_email text, of_id text) RETURNS SETOF text
    LANGUAGE sql STABLE AS $$
    SELECT o.ordering || '#' || CASE WHEN o.sort_key IS NULL THEN '-' ELSE
               coalesce((SELECT m.mark FROM read_model.order_mark m
                          WHERE m.table_name = of_table AND m.ordering = o.ordering
                            AND (m.sort_key, m.id) < (o.sort_key, of_id)
                          ORDER BY m.sort_key DESC, m.id DESC LIMIT 1), 0)::text END
      FROM (VALUES ('last_name', lower(of_last_name)), ('email', lower(of_email))) AS o(ordering, sort_key) $$;

-- A trigger of its own beside the contacts' counting trigger, as V24's. An update counts only the contacts
-- whose last name or email changed: a stage change costs a join, no probe.
CREATE FUNCTION count_contact_ranges() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    counted text := read_model.counted_table(TG_TABLE_SCHEMA, TG_TABLE_NAME);
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT counted, k.key, count(*)
          FROM new_rows r, read_model.contact_ranges(counted, r.last_name, r.email, r.id) AS k(key) GROUP BY k.key;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT counted, k.key, -count(*)
          FROM old_rows r, read_model.contact_ranges(counted, r.last_name, r.email, r.id) AS k(key) GROUP BY k.key;
    ELSE
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT counted, k.key, sum(k.n) FROM (
            SELECT c.key, -1 AS n
              FROM old_rows o JOIN new_rows r USING (id),
                   read_model.contact_ranges(counted, o.last_name, o.email, o.id) AS c(key)
             WHERE lower(o.last_name) IS DISTINCT FROM lower(r.last_name) OR lower(o.email) <> lower(r.email)
            UNION ALL
            SELECT c.key, 1
              FROM old_rows o JOIN new_rows r USING (id),
                   read_model.contact_ranges(counted, r.last_name, r.email, r.id) AS c(key)
             WHERE lower(o.last_name) IS DISTINCT FROM lower(r.last_name) OR lower(o.email) <> lower(r.email)) k
        GROUP BY k.key HAVING sum(k.n) <> 0;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER contact_ranges_counted_insert AFTER INSERT ON contact REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_contact_ranges();
CREATE TRIGGER contact_ranges_counted_update AFTER UPDATE ON contact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_contact_ranges();
CREATE TRIGGER contact_ranges_counted_delete AFTER DELETE ON contact REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_contact_ranges();

-- What is there already: all in the ranges below the first mark, which OrderMarks then cuts.
INSERT INTO row_count (table_name, key, n, fresh)
SELECT 'contact', k.key, count(*), false FROM contact r, contact_ranges('contact', r.last_name, r.email, r.id) AS k(key)
 GROUP BY k.key;
