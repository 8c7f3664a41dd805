-- Reference server schema (SQLite). Times are Unix milliseconds (UTC). Each entity table
-- keeps the entity as JSON in `data` (the contract's shape) plus the columns queries and
-- scoping need. migrations/postgres holds the same schema for PostgreSQL.

CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE teams (id TEXT PRIMARY KEY, kind TEXT NOT NULL, data TEXT NOT NULL);

CREATE TABLE agents (
    id            INTEGER PRIMARY KEY,
    team          TEXT NOT NULL,
    role          TEXT NOT NULL,
    scope_version INTEGER NOT NULL DEFAULT 1,
    data          TEXT NOT NULL
);

-- Bearer tokens are stored as SHA-256 hashes; the plain token exists only with its holder.
CREATE TABLE agent_tokens (
    token_sha256 TEXT PRIMARY KEY,
    agent_id     INTEGER NOT NULL REFERENCES agents(id),
    created_at   INTEGER NOT NULL
);

CREATE TABLE customers (id INTEGER PRIMARY KEY, account_id TEXT NOT NULL UNIQUE, data TEXT NOT NULL);

CREATE TABLE tickets (
    id          INTEGER PRIMARY KEY,
    queue       TEXT NOT NULL,
    assignee_id INTEGER,
    customer_id INTEGER NOT NULL,
    status      TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX tickets_by_customer ON tickets(customer_id);
CREATE INDEX tickets_by_queue ON tickets(queue, status);
CREATE INDEX tickets_by_assignee ON tickets(assignee_id, status);

CREATE TABLE messages (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL, created_at INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX messages_by_ticket ON messages(ticket_id, created_at);

CREATE TABLE notes (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX notes_by_ticket ON notes(ticket_id);

CREATE TABLE side_conversations (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX side_conversations_by_ticket ON side_conversations(ticket_id);

CREATE TABLE side_messages (id INTEGER PRIMARY KEY, side_conversation_id INTEGER NOT NULL, ticket_id INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX side_messages_by_ticket ON side_messages(ticket_id);

CREATE TABLE macros (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE articles (id INTEGER PRIMARY KEY, data TEXT NOT NULL);

CREATE TABLE activity_events (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, at INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX activity_by_customer ON activity_events(customer_id, at);

CREATE TABLE cases (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, queue TEXT NOT NULL, assignee_id INTEGER, version INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX cases_by_customer ON cases(customer_id);

CREATE TABLE case_events (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, at INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX case_events_by_case ON case_events(case_id, at);

CREATE TABLE escalations (id INTEGER PRIMARY KEY, ticket_id INTEGER, target_team TEXT NOT NULL, status TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX escalations_by_ticket ON escalations(ticket_id);

CREATE TABLE sars (id INTEGER PRIMARY KEY, investigator_id INTEGER NOT NULL, status TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL);

CREATE TABLE documents (id INTEGER PRIMARY KEY, case_id INTEGER, data TEXT NOT NULL);
CREATE TABLE document_contents (id INTEGER PRIMARY KEY, content BLOB NOT NULL);

-- Every version of the policies; the newest is in force.
CREATE TABLE policies (version INTEGER PRIMARY KEY, data TEXT NOT NULL);

-- Every mutation with its actor.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    actor_id    INTEGER NOT NULL,
    action      TEXT NOT NULL,
    entity_kind TEXT NOT NULL,
    entity_id   INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX audit_by_entity ON audit_log(entity_kind, entity_id);
CREATE INDEX audit_by_actor ON audit_log(actor_id);

-- The change feed. One live row per entity holding its newest state (a JSON `Entity`),
-- under a fresh sequence number each time it changes; tombstone rows (an entity deleted or
-- gone out of some callers' view) are kept apart. The scope_* columns say who may see a row:
-- scope_global for everyone; otherwise a queue or team, an assignee, a customer (visible
-- with any of the customer's visible tickets) or one agent.
CREATE TABLE changes (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_kind    TEXT NOT NULL,
    entity_id      INTEGER NOT NULL,
    tombstone      INTEGER NOT NULL,
    scope_global   INTEGER NOT NULL,
    scope_queue    TEXT,
    scope_team     TEXT,
    scope_assignee INTEGER,
    scope_customer INTEGER,
    scope_agent    INTEGER,
    payload        TEXT NOT NULL
);
CREATE UNIQUE INDEX changes_live_entity ON changes(entity_kind, entity_id) WHERE tombstone = 0;

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
