-- Side conversations by email (a message forwarded to a bank or a card network): the desk's
-- messages in one wait here for the SMTP server as replies wait in outbound_emails.
CREATE TABLE outbound_side_emails (
    side_message_id BIGINT PRIMARY KEY,   -- the side_messages row
    ticket_id       BIGINT NOT NULL,
    mailbox         TEXT NOT NULL,       -- the support address it goes out from
    state           TEXT NOT NULL,       -- queued, sent, failed
    attempts        BIGINT NOT NULL,
    next_at         BIGINT NOT NULL          -- when to try (again), ms
);
CREATE INDEX outbound_side_emails_due ON outbound_side_emails(state, next_at);

-- The side conversation an email belongs to (sent in one, or answered into one), so the
-- outside party's answer joins it and never the customer's thread.
ALTER TABLE email_messages ADD COLUMN side_conversation_id BIGINT;

-- Which side messages carry which files: who may see the ticket may download them.
CREATE TABLE side_message_files (
    sha256          TEXT NOT NULL,
    side_message_id BIGINT NOT NULL,
    ticket_id       BIGINT NOT NULL,
    PRIMARY KEY (sha256, side_message_id)
);
