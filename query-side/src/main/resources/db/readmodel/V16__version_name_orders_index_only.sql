-- A list as of T ordered by last name or email walks contact_version_last_name or contact_version_email and skips
-- the versions not valid at T inside the index. PostgreSQL plans an index-only scan over an expression index only
-- when the index also holds the columns the expression reads (it does not see that lower(last_name) is all the
-- query needs), so without them every version stepped over, however deep the page, was read from the table.
-- The live table's indexes carry the column for the same reason (contact_last_name, contact_email).
DROP INDEX contact_version_last_name;
CREATE INDEX contact_version_last_name ON contact_version (lower(last_name), id) INCLUDE (updated_at, valid_to, deleted, last_name);
DROP INDEX contact_version_email;
CREATE INDEX contact_version_email ON contact_version (lower(email), id) INCLUDE (updated_at, valid_to, deleted, email);
