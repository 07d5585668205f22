-- The audit log's time window (after/before) is answered from this index alone: its entries
-- carry what the page needs to sort them (position, id), so the window's rows are never visited one by one.
DROP INDEX event_log_occurred_at;
CREATE INDEX event_log_occurred_at ON event_log (occurred_at) INCLUDE (position, id);
