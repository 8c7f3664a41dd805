-- The live stream shared by every server instance on this database. Each event is written
-- once, under the writers' advisory lock so ids commit in order; every instance reads them
-- in id order and sends them to its own desks and widgets. Kept for a while, so a desk that
-- reconnects to any instance resumes by Last-Event-ID.
CREATE SEQUENCE stream_event_ids;
-- Ids go on from the clock (microseconds), as one instance's in-memory ids do, so an id from
-- another database or from before is never taken for one of these.
SELECT setval('stream_event_ids', (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::BIGINT);

CREATE TABLE stream_events (
    id BIGINT PRIMARY KEY,
    at_ms BIGINT NOT NULL,
    -- Set: an event for that chat's widgets, not for desks.
    chat_id BIGINT,
    name TEXT NOT NULL,
    json TEXT NOT NULL,
    scopes TEXT NOT NULL
);
CREATE INDEX stream_events_at ON stream_events (at_ms);

-- Events up to this id were pruned (or never were): a desk that last saw an older one must
-- pull the feed.
CREATE TABLE stream_horizon (
    only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    pruned_up_to BIGINT NOT NULL
);
INSERT INTO stream_horizon (pruned_up_to) SELECT last_value FROM stream_event_ids;
