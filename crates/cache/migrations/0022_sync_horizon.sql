-- The feed's horizon as of the last applied page, sent back with the next request: the
-- server refuses a cursor below its horizon only when tombstones were compacted since.
ALTER TABLE sync_state ADD COLUMN horizon INTEGER;
