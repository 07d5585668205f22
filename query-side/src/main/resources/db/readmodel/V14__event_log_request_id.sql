-- Every history and audit-log entry names the request that caused it: the request id the command carried as
-- metadata onto its events (null for what the server did on its own, outside a request).
ALTER TABLE event_log ADD COLUMN request_id text;

-- Entries logged before the column existed take theirs from their event's metadata. An entry is its event's
-- (entity_id, version) = (aggregate_identifier, sequence_number + 1), both unique. The event store is
-- another module's schema: on a database where it is not there yet, there is nothing to fill.
DO $$
BEGIN
    IF to_regclass('event_store.domain_event_entry') IS NOT NULL THEN
        UPDATE event_log l
           SET request_id = convert_from(e.meta_data, 'UTF8')::jsonb ->> 'requestId'
          FROM event_store.domain_event_entry e
         WHERE e.aggregate_identifier = l.entity_id AND e.sequence_number = l.version - 1;
    END IF;
END $$;
