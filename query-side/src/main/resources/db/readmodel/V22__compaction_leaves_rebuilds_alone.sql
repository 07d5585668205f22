-- The counts compaction (RowCounts) leaves a rebuild's shadow counts alone: they are not read before the swap,
-- and a rebuild of a million contacts writes 1.7 million of them, which one compaction folded for minutes while
-- holding the lock the swap needs. Its index of fresh counts leaves them out too, so that it does not step over
-- them every two seconds while a rebuild runs. (A shadow's counts are under the table's name with the suffix
-- '_rebuild': counted_table.)
DROP INDEX row_count_fresh;
CREATE INDEX row_count_fresh ON row_count (table_name, key, hour) WHERE fresh AND table_name NOT LIKE '%\_rebuild';
