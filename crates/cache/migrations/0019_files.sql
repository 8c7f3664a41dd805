-- Files with their bytes, encrypted with the rest of the cache: attachments the agent opened
-- or the desk fetched ahead, and files waiting in the outbox (pinned: never evicted until
-- sent). `content_type` is what the desk sniffed from the bytes, not what the sender said;
-- `preview` is the PNG the desk drew itself from an image, so WebKit never decodes the
-- sender's bytes.

CREATE TABLE files (
    sha256         TEXT PRIMARY KEY,
    content        BLOB NOT NULL,
    size_bytes     INTEGER NOT NULL,
    content_type   TEXT NOT NULL,
    preview        BLOB,
    preview_width  INTEGER,
    preview_height INTEGER,
    pinned         INTEGER NOT NULL DEFAULT 0,
    last_used_at   INTEGER NOT NULL
);
CREATE INDEX files_by_use ON files(pinned, last_used_at);
