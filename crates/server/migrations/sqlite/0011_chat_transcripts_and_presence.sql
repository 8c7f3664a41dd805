-- Chat transcripts customers asked the widget to email them (one per chat), waiting for
-- (or done with) the SMTP server, in the shape of the other outbound tables.
CREATE TABLE outbound_transcripts (
    chat_id   INTEGER PRIMARY KEY,     -- the chat's ticket
    ticket_id INTEGER NOT NULL,
    mailbox   TEXT NOT NULL,
    state     TEXT NOT NULL,
    attempts  INTEGER NOT NULL,
    next_at   INTEGER NOT NULL
);
CREATE INDEX outbound_transcripts_due ON outbound_transcripts(state, next_at);

-- When a chat's widget was last connected (ms): a chat still waiting long after its
-- customer left is taken out of the routing queue as missed.
ALTER TABLE widget_chats ADD COLUMN seen_at BIGINT;
