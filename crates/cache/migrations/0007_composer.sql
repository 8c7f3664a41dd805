-- The composer's drafts survive restarts (here, encrypted with the rest), and the customer
-- panel reads a customer's recent activity by index.

CREATE TABLE drafts (
    ticket_id  INTEGER PRIMARY KEY,
    body       TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE INDEX entities_activity_by_customer
    ON entities(json_extract(data, '$.data.customer_id'), json_extract(data, '$.data.at'))
    WHERE kind = 'activity_event';
