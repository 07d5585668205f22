-- Deep pages of the leads by score found from kept counts, as V19 and V21 do for creation and update time. Page
-- 2,000 of 200,000 leads by -leadScore stepped over 50,000 entries of (coalesce(lead_score, -1), id) (p50 9 to 11
-- ms under eight clients, p99 29 to 35 ms). A score is one of 102 values (0 to 100, or none, ranked as -1 by the
-- ordering), so counting the leads of each one is enough: a deep page sums the counts from the end it is read
-- from, begins at the score the slice begins in and steps over that score's leads before the slice only.
--
-- Key 'lead_score=<score>' (-1 for none), whole list only (hour '-infinity'): a lead write adds at most two
-- counts, none when the score stays. A trigger of its own beside the leads' counting trigger, so that the keys of
-- the filters (and the hours of each, and the versions' counts) stay as they are.
CREATE FUNCTION count_lead_scores() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT read_model.counted_table(TG_TABLE_SCHEMA, TG_TABLE_NAME), 'lead_score=' || coalesce(r.lead_score, -1),
               count(*)
          FROM new_rows r GROUP BY 2;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT read_model.counted_table(TG_TABLE_SCHEMA, TG_TABLE_NAME), 'lead_score=' || coalesce(r.lead_score, -1),
               -count(*)
          FROM old_rows r GROUP BY 2;
    ELSE
        INSERT INTO read_model.row_count (table_name, key, n)
        SELECT read_model.counted_table(TG_TABLE_SCHEMA, TG_TABLE_NAME), k.key, sum(k.n) FROM (
            SELECT 'lead_score=' || coalesce(r.lead_score, -1) AS key, -1 AS n FROM old_rows r
            UNION ALL
            SELECT 'lead_score=' || coalesce(r.lead_score, -1), 1 FROM new_rows r) k
        GROUP BY k.key HAVING sum(k.n) <> 0;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER lead_scores_counted_insert AFTER INSERT ON lead REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_lead_scores();
CREATE TRIGGER lead_scores_counted_update AFTER UPDATE ON lead REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_lead_scores();
CREATE TRIGGER lead_scores_counted_delete AFTER DELETE ON lead REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION count_lead_scores();

-- What is there already.
INSERT INTO row_count (table_name, key, n, fresh)
SELECT 'lead', 'lead_score=' || coalesce(lead_score, -1), count(*), false FROM lead GROUP BY 2;
ANALYZE row_count;
