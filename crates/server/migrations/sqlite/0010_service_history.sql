-- What the service report needs that a ticket's newest state forgets (issue 17).

-- Each change of a ticket's status, assignee or team, oldest first per ticket.
CREATE TABLE ticket_states (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL,
    at          INTEGER NOT NULL,               -- ms
    status      TEXT NOT NULL,
    assignee_id INTEGER,
    queue       TEXT NOT NULL
);
CREATE INDEX ticket_states_by_ticket ON ticket_states(ticket_id, at);
CREATE INDEX ticket_states_by_queue ON ticket_states(queue, ticket_id);

-- When the customer first wrote and when (and by whom) a person first replied.
CREATE TABLE ticket_replies (
    ticket_id         INTEGER PRIMARY KEY,
    first_customer_at INTEGER,                  -- ms
    first_reply_at    INTEGER,                  -- ms
    first_reply_agent INTEGER
);

-- Tickets from before this history was kept: worked from creation, then as they are now.
INSERT INTO ticket_states (ticket_id, at, status, assignee_id, queue)
SELECT id, created_at, CASE WHEN status IN ('solved', 'closed') THEN 'open' ELSE status END, assignee_id, queue
FROM tickets;
INSERT INTO ticket_states (ticket_id, at, status, assignee_id, queue)
SELECT id, updated_at, status, assignee_id, queue FROM tickets WHERE status IN ('solved', 'closed');

INSERT INTO ticket_replies (ticket_id, first_customer_at, first_reply_at, first_reply_agent)
SELECT t.id,
       (SELECT MIN(m.created_at) FROM messages m
         WHERE m.ticket_id = t.id AND json_extract(m.data, '$.author_kind') = 'customer'),
       r.at, r.agent
FROM tickets t
LEFT JOIN (SELECT ticket_id, MIN(created_at) AS at, json_extract(data, '$.author_agent_id') AS agent
           FROM messages WHERE json_extract(data, '$.author_kind') = 'agent' GROUP BY ticket_id) r
       ON r.ticket_id = t.id;
