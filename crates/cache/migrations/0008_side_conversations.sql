-- Side conversations with internal teams move out of the generic entity table into tables
-- of their own, read by ticket with the conversation.

CREATE TABLE side_conversations (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    data       TEXT NOT NULL
);
CREATE INDEX side_conversations_by_ticket ON side_conversations(ticket_id);

CREATE TABLE side_messages (
    id                   INTEGER PRIMARY KEY,
    side_conversation_id INTEGER NOT NULL,
    ticket_id            INTEGER NOT NULL,
    created_at           INTEGER NOT NULL,
    data                 TEXT NOT NULL
);
CREATE INDEX side_messages_by_ticket ON side_messages(ticket_id, created_at);

INSERT INTO side_conversations (id, ticket_id, version, data)
SELECT id, json_extract(data, '$.data.ticket_id'), json_extract(data, '$.data.version'), json_extract(data, '$.data')
FROM entities WHERE kind = 'side_conversation';

INSERT INTO side_messages (id, side_conversation_id, ticket_id, created_at, data)
SELECT id, json_extract(data, '$.data.side_conversation_id'), json_extract(data, '$.data.ticket_id'),
       CAST((julianday(json_extract(data, '$.data.created_at')) - 2440587.5) * 86400000 AS INTEGER),
       json_extract(data, '$.data')
FROM entities WHERE kind = 'side_message';

DELETE FROM entities WHERE kind IN ('side_conversation', 'side_message');
