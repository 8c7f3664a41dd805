-- When each change was recorded, so old tombstones can be compacted away. Rows from before
-- this migration count as old (0).
ALTER TABLE changes ADD COLUMN recorded_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX changes_tombstones ON changes(seq) WHERE tombstone = 1;
