-- The tamper-evident chain over the export order (see EventChain and EventSequencer in the query side):
-- per position, the SHA-256 of its event's canonical stored form (digest) and
-- hash(n) = SHA-256(hash(n-1) || digest(n)), hash(0) being 32 zero bytes. The sequencer fills both in the
-- run that assigns the position; positions assigned before this migration have none yet and are chained,
-- in position order, by the first run after it.
ALTER TABLE event_position ADD COLUMN digest bytea, ADD COLUMN hash bytea;

-- The sequencer now numbers positions itself (last + 1, in the run that chains them), so that a run that
-- rolls back leaves no gap a sequence would have left; the BIGSERIAL's sequence goes.
ALTER TABLE event_position ALTER COLUMN position DROP DEFAULT;
DROP SEQUENCE event_position_position_seq;
