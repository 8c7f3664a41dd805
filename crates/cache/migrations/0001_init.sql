-- The desk's cache, version 1. Times are Unix milliseconds (UTC). Rows arrive in feed
-- order, which is not parent-before-child, so there are no foreign keys.

-- Where the change feed stands. `cursor` is saved in the same transaction as the rows it
-- brought, so a crash can never leave data and cursor disagreeing.
CREATE TABLE sync_state (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    feed_id   TEXT,
    cursor    INTEGER NOT NULL,
    head      INTEGER NOT NULL,
    synced_at INTEGER
);
INSERT INTO sync_state (id, cursor, head, synced_at) VALUES (1, 0, 0, NULL);

CREATE TABLE agents (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    email     TEXT NOT NULL,
    role      TEXT NOT NULL,
    team      TEXT NOT NULL,
    languages TEXT NOT NULL
);

CREATE TABLE customers (
    id         INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    name       TEXT NOT NULL,
    email      TEXT NOT NULL,
    language   TEXT NOT NULL,
    country    TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE tickets (
    id          INTEGER PRIMARY KEY,
    channel     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    subject     TEXT NOT NULL,
    status      TEXT NOT NULL,
    priority    TEXT NOT NULL,
    queue       TEXT NOT NULL,
    assignee_id INTEGER,
    customer_id INTEGER NOT NULL,
    language    TEXT NOT NULL,
    tags        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    version     INTEGER NOT NULL
);
CREATE INDEX tickets_by_status ON tickets(status, updated_at DESC);
CREATE INDEX tickets_by_assignee ON tickets(assignee_id, status, updated_at DESC);
CREATE INDEX tickets_by_updated ON tickets(updated_at DESC);

CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    ticket_id       INTEGER NOT NULL,
    author_kind     TEXT NOT NULL,
    author_agent_id INTEGER,
    author_name     TEXT NOT NULL,
    text            TEXT NOT NULL,
    html            TEXT,
    created_at      INTEGER NOT NULL,
    client_ref      TEXT
);
CREATE INDEX messages_by_ticket ON messages(ticket_id, created_at);
