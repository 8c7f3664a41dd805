-- The outbox: every agent action is stored here first, then replayed to the server in
-- order with its id as the Idempotency-Key. Rows stay until done (and a while after, for
-- matching the server's copy), or until the agent dismisses a rejected or conflicting one.
CREATE TABLE outbox (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    ticket_id    INTEGER,
    action       TEXT NOT NULL,   -- JSON `Action`
    state        TEXT NOT NULL,   -- pending | sending | done | conflict | rejected
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT,
    conflict     TEXT,            -- JSON `Entity`: the server's state when it refused (409)
    result       TEXT,            -- JSON `Entity` the server answered with
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX outbox_by_state ON outbox(state, seq);
CREATE INDEX outbox_by_ticket ON outbox(ticket_id, state);
