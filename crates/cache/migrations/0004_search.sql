-- Search, and the ticket columns that views and search filters query by.

ALTER TABLE tickets ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN channel TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN priority TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
UPDATE tickets SET kind = json_extract(data, '$.kind'), channel = json_extract(data, '$.channel'),
    language = json_extract(data, '$.language'), priority = json_extract(data, '$.priority'),
    created_at = CAST(strftime('%s', json_extract(data, '$.created_at')) AS INTEGER) * 1000;
CREATE INDEX tickets_by_queue ON tickets(queue, status, updated_at DESC);
-- Retention: closed tickets by age.
CREATE INDEX tickets_closed ON tickets(updated_at) WHERE status = 'closed';

-- Internal notes, out of the generic table: the ticket screen and search read them by ticket.
CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    data       TEXT NOT NULL
);
CREATE INDEX notes_by_ticket ON notes(ticket_id, created_at);
INSERT INTO notes (id, ticket_id, created_at, data)
    SELECT id, json_extract(data, '$.data.ticket_id'),
           CAST(strftime('%s', json_extract(data, '$.data.created_at')) AS INTEGER) * 1000, json_extract(data, '$.data')
    FROM entities WHERE kind = 'note';
DELETE FROM entities WHERE kind = 'note';

-- One row per searchable thing (a ticket's subject, a message, a note, a customer). `doc`
-- is the full-text row id: it only grows, so "ORDER BY doc DESC" is newest-synced first and
-- lets the index stop after the first page of hits.
CREATE TABLE search_docs (
    doc         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,      -- ticket | message | note | customer
    entity_id   INTEGER NOT NULL,
    ticket_id   INTEGER,
    customer_id INTEGER,
    at          INTEGER NOT NULL,   -- when it was written (ms)
    text_hash   INTEGER NOT NULL,   -- of the indexed text: unchanged text is not re-indexed
    UNIQUE (kind, entity_id)
);
CREATE INDEX search_docs_by_ticket ON search_docs(ticket_id);

-- Contentless: the text lives in the entity tables already, so the index stores only its
-- token lists (about a third of the size). `contentless_delete` lets rows be replaced.
-- CJK text is indexed one character per token (see search.rs), so any run of characters
-- can be found without a dictionary.
CREATE VIRTUAL TABLE search_index USING fts5(
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Whether the index has been built for the rows already here (set by the cache on open).
ALTER TABLE sync_state ADD COLUMN search_built INTEGER NOT NULL DEFAULT 0;
