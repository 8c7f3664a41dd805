-- A ticket's channel as a column: the router counts each agent's open chats and emails.
ALTER TABLE tickets ADD COLUMN channel TEXT NOT NULL DEFAULT 'email';
UPDATE tickets SET channel = json_extract(data, '$.channel');
DROP INDEX tickets_by_assignee;
CREATE INDEX tickets_by_assignee ON tickets(assignee_id, status, channel);

-- Conversations waiting for the router: chats the widget started (and, when the policy
-- says so, new emails), until an agent has them.
CREATE TABLE routing_queue (
    ticket_id     INTEGER PRIMARY KEY,
    waiting_since INTEGER NOT NULL,              -- ms
    passed_over   TEXT NOT NULL DEFAULT '[]'     -- JSON: agents who declined or let it expire
);

-- What the router offered to whom (the JSON is the contract's Offer).
CREATE TABLE offers (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL,
    agent_id   INTEGER NOT NULL,
    status     TEXT NOT NULL,
    offered_at INTEGER NOT NULL,                 -- ms
    expires_at INTEGER NOT NULL,                 -- ms
    data       TEXT NOT NULL
);
CREATE INDEX offers_by_status ON offers(status, expires_at);
CREATE INDEX offers_by_agent ON offers(agent_id, offered_at);
CREATE INDEX offers_by_ticket ON offers(ticket_id);

-- Chats the widget started: the customer's token (its SHA-256 only) and the chat's state
-- as the customer sees it.
CREATE TABLE widget_chats (
    ticket_id   INTEGER PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,
    verified    INTEGER NOT NULL,                -- 1: the company's signed token named the customer
    read_up_to  INTEGER,                         -- the newest customer message an agent has seen
    no_agent    INTEGER NOT NULL DEFAULT 0       -- 1: nobody accepted it within the policy's wait
);

-- The widget's own message ids, so a message sent again after a drop is stored once.
CREATE TABLE widget_receipts (
    ticket_id  INTEGER NOT NULL,
    client_id  TEXT NOT NULL,
    message_id INTEGER NOT NULL,
    PRIMARY KEY (ticket_id, client_id)
);
