-- Real email. Every Message-ID the server has seen or sent, so a reply threads to its ticket
-- and a re-delivered copy (the same Message-ID again) is dropped; files by their SHA-256,
-- stored once however many messages carry them; the raw form of every inbound email is kept
-- there too, so nothing a parser could not read is lost.
CREATE TABLE email_messages (
    message_id        TEXT PRIMARY KEY,   -- bare, without angle brackets
    mailbox           TEXT NOT NULL,      -- the support address it came to or went from
    disposition       TEXT NOT NULL,      -- opened, joined, auto_reply, bounce, own, quarantined, sent
    ticket_id         BIGINT,
    stored_message_id BIGINT,             -- the messages row it became
    raw_sha256        TEXT,
    received_at       BIGINT NOT NULL
);
CREATE INDEX email_messages_by_ticket ON email_messages(ticket_id);

CREATE TABLE file_contents (sha256 TEXT PRIMARY KEY, content BYTEA NOT NULL);

-- Which messages carry which files: who may download a file is who may see one of them.
CREATE TABLE message_files (
    sha256     TEXT NOT NULL,
    message_id BIGINT NOT NULL,
    ticket_id  BIGINT NOT NULL,
    PRIMARY KEY (sha256, message_id)
);

-- Inbound mail that could not become a message, with why, for a supervisor to look at.
CREATE TABLE mail_quarantine (
    id          BIGINT PRIMARY KEY,
    mailbox     TEXT NOT NULL,
    reason      TEXT NOT NULL,
    raw_sha256  TEXT NOT NULL,
    size_bytes  BIGINT NOT NULL,
    received_at BIGINT NOT NULL
);

-- Customers are found by the address they write from.
ALTER TABLE customers ADD COLUMN email TEXT;
UPDATE customers SET email = lower(data::json->>'email');
CREATE INDEX customers_by_email ON customers(email);

-- Agents' replies on email tickets, waiting for (or done with) the SMTP server.
CREATE TABLE outbound_emails (
    message_id    BIGINT PRIMARY KEY,   -- the messages row
    ticket_id     BIGINT NOT NULL,
    mailbox       TEXT NOT NULL,       -- the support address it goes out from
    state         TEXT NOT NULL,       -- queued, sending, sent, failed
    attempts      BIGINT NOT NULL,
    next_at       BIGINT NOT NULL        -- when to try (again), ms
);
CREATE INDEX outbound_emails_due ON outbound_emails(state, next_at);
