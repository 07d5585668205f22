-- Export positions: a gap-free number per event, assigned in an order a reader paging with
-- "after=<last position>" can trust (see EventSequencer in the query side for the argument).

-- The transaction that appended each event. A volatile default, so Axon's INSERT (which names its
-- columns) fills it without knowing; events already stored get this migration's transaction id.
ALTER TABLE domain_event_entry ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX domain_event_entry_tx ON domain_event_entry (tx_id, global_index);

-- Append-only: one row per event, filled by one sequencer at a time.
CREATE TABLE event_position (
    position     BIGSERIAL PRIMARY KEY,
    global_index BIGINT    NOT NULL UNIQUE
);

-- Every event appended by a transaction older than next_tx_id has its position.
CREATE TABLE event_sequencer (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    next_tx_id xid8    NOT NULL
);
INSERT INTO event_sequencer (next_tx_id) VALUES ('0');
