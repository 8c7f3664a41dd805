-- Files agents upload to send with replies and notes. A file may be named in a reply or a
-- note only by an agent who uploaded it (or who can already see a message carrying it).
CREATE TABLE uploaded_files (
    sha256      TEXT NOT NULL,
    agent_id    BIGINT NOT NULL,
    uploaded_at BIGINT NOT NULL,
    PRIMARY KEY (sha256, agent_id)
);

-- Which notes carry which files (message_files says it for messages): who may see the note
-- may download them.
CREATE TABLE note_files (
    sha256    TEXT NOT NULL,
    note_id   BIGINT NOT NULL,
    ticket_id BIGINT NOT NULL,
    PRIMARY KEY (sha256, note_id)
);
