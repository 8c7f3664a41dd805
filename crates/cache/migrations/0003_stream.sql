-- The live stream's position (its last event id), so a restarted desk resumes it, and the
-- tickets' version, so a late stream event never overwrites a newer state from the feed.
ALTER TABLE sync_state ADD COLUMN stream_event_id INTEGER;
ALTER TABLE tickets ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
