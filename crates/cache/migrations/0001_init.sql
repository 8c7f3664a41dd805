-- The desk's cache, version 1. Times are Unix milliseconds (UTC). Entities are kept as the
-- contract's JSON (`data`) next to the columns the screens query by. Rows arrive in feed
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
INSERT INTO sync_state (id, feed_id, cursor, head, synced_at) VALUES (1, NULL, 0, 0, NULL);

CREATE TABLE agents (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE customers (id INTEGER PRIMARY KEY, data TEXT NOT NULL);

CREATE TABLE tickets (
    id          INTEGER PRIMARY KEY,
    status      TEXT NOT NULL,
    queue       TEXT NOT NULL,
    assignee_id INTEGER,
    customer_id INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX tickets_by_status ON tickets(status, updated_at DESC);
CREATE INDEX tickets_by_assignee ON tickets(assignee_id, status, updated_at DESC);
CREATE INDEX tickets_by_updated ON tickets(updated_at DESC);

CREATE TABLE messages (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    data       TEXT NOT NULL
);
CREATE INDEX messages_by_ticket ON messages(ticket_id, created_at);

-- Every other kind of entity the feed brings (notes, cases, escalations, activity, policies…),
-- kept whole until the screens that use them get tables of their own.
CREATE TABLE entities (
    kind TEXT NOT NULL,
    id   INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
