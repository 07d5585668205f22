-- A text search as of an instant without scanning every version. The versions valid at T are the closed ones
-- (valid_to set: superseded by a later event, or ended by the record's deletion) that were valid then, and the
-- current ones that began by T; a current version is the live row as it is, so the live table's trigram index
-- finds those. The closed versions get a trigram index of their own, over them alone: a create, whose version is
-- current, adds nothing to it; an update moves the version it closes into it. Contacts and leads index their
-- stage or status with it, as the live table does (V17).
CREATE INDEX contact_version_closed_search ON contact_version USING gin (stage, search_text gin_trgm_ops)
    WHERE valid_to <> 'infinity';
CREATE INDEX lead_version_closed_search ON lead_version USING gin (status, search_text gin_trgm_ops)
    WHERE valid_to <> 'infinity';
CREATE INDEX account_version_closed_search ON account_version USING gin (search_text gin_trgm_ops)
    WHERE valid_to <> 'infinity';
CREATE INDEX opportunity_version_closed_search ON opportunity_version USING gin (search_text gin_trgm_ops)
    WHERE valid_to <> 'infinity';
