-- Reference server schema, version 1. Times are Unix milliseconds (UTC).

CREATE TABLE agents (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL UNIQUE,
    role        TEXT NOT NULL,
    team        TEXT NOT NULL,
    languages   TEXT NOT NULL -- JSON array of BCP 47 tags
);

-- Bearer tokens are stored as SHA-256 hashes; the plain token exists only with its holder.
CREATE TABLE agent_tokens (
    token_sha256 TEXT PRIMARY KEY,
    agent_id     INTEGER NOT NULL REFERENCES agents(id),
    created_at   INTEGER NOT NULL
);

CREATE TABLE customers (
    id          INTEGER PRIMARY KEY,
    account_id  TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL,
    language    TEXT NOT NULL,
    country     TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE tickets (
    id          INTEGER PRIMARY KEY,
    channel     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    subject     TEXT NOT NULL,
    status      TEXT NOT NULL,
    priority    TEXT NOT NULL,
    queue       TEXT NOT NULL,
    assignee_id INTEGER REFERENCES agents(id),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    language    TEXT NOT NULL,
    tags        TEXT NOT NULL, -- JSON array
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    version     INTEGER NOT NULL
);

CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    ticket_id       INTEGER NOT NULL REFERENCES tickets(id),
    author_kind     TEXT NOT NULL,
    author_agent_id INTEGER REFERENCES agents(id),
    author_name     TEXT NOT NULL,
    text            TEXT NOT NULL,
    html            TEXT,
    created_at      INTEGER NOT NULL,
    client_ref      TEXT
);
CREATE INDEX messages_by_ticket ON messages(ticket_id, created_at);

-- The change feed. One row per entity holding its latest state (a JSON `Entity`), under a
-- fresh sequence number each time it changes: a client that fell behind downloads each
-- entity once. AUTOINCREMENT guarantees sequence numbers are never reused.
CREATE TABLE changes (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_kind TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    payload     TEXT NOT NULL,
    UNIQUE (entity_kind, entity_id)
);

-- Facts about this database, e.g. `feed_id`, which names its change feed.
CREATE TABLE server_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- First answer to each (agent, Idempotency-Key), replayed verbatim on retries.
CREATE TABLE idempotency_keys (
    agent_id        INTEGER NOT NULL,
    key             TEXT NOT NULL,
    request_sha256  TEXT NOT NULL,
    response_status INTEGER NOT NULL,
    response_body   TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    PRIMARY KEY (agent_id, key)
);
