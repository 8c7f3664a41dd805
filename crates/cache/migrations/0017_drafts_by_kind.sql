-- One draft store for everything the agent writes before it is sent: reply drafts (by
-- ticket), investigation-report analyses (by case), shift handovers (by team). Encrypted
-- with the rest of the cache, per agent; web storage holds none of it.

CREATE TABLE drafts_by_kind (
    kind       TEXT NOT NULL,
    key        TEXT NOT NULL,
    body       TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;

INSERT INTO drafts_by_kind (kind, key, body, updated_at)
    SELECT 'reply', CAST(ticket_id AS TEXT), body, updated_at FROM drafts;

DROP TABLE drafts;
ALTER TABLE drafts_by_kind RENAME TO drafts;
