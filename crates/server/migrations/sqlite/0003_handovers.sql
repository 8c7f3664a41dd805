-- Shift handovers: one per team and shift, written by the outgoing lead, acknowledged by
-- the next. Not in the change feed: supervisors read them live (GET /v1/handovers).
CREATE TABLE handovers (
    id              INTEGER PRIMARY KEY,
    team            TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    version         BIGINT NOT NULL,
    data            TEXT NOT NULL
);
CREATE INDEX handovers_by_team ON handovers(team, created_at);
