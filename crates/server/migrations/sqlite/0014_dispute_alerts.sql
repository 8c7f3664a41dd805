-- Pre-dispute alerts (issue 19): Ethoca- and Verifi-style alerts on card payments (the
-- contract's DisputeAlert as JSON). A programme's delivery repeated names the same
-- (programme, external_id) and finds the alert it made.
CREATE TABLE dispute_alerts (
    id           INTEGER PRIMARY KEY,
    programme    TEXT NOT NULL,
    external_id  TEXT NOT NULL,
    customer_id  INTEGER,
    queue        TEXT NOT NULL,
    status       TEXT NOT NULL,
    respond_by   INTEGER NOT NULL,             -- ms
    received_at  INTEGER NOT NULL,             -- ms
    version      INTEGER NOT NULL,
    -- The order answers were given in, for the programmes' connector to read them back.
    answer_seq   INTEGER,
    data         TEXT NOT NULL
);
CREATE UNIQUE INDEX dispute_alerts_by_answer ON dispute_alerts(answer_seq);
CREATE UNIQUE INDEX dispute_alerts_by_external ON dispute_alerts(programme, external_id);
CREATE INDEX dispute_alerts_open ON dispute_alerts(status, respond_by);
CREATE INDEX dispute_alerts_by_received ON dispute_alerts(received_at, id);

-- Card deposits by the card's last four digits and ARN, so an alert finds its payment
-- without reading every event (written with each card deposit).
CREATE TABLE card_payments (
    event_id    INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    card_last4  TEXT NOT NULL,
    arn         TEXT,
    at          INTEGER NOT NULL             -- ms
);
CREATE INDEX card_payments_by_card ON card_payments(card_last4, at);
CREATE INDEX card_payments_by_arn ON card_payments(arn);
INSERT INTO card_payments (event_id, customer_id, card_last4, arn, at)
SELECT id, customer_id, json_extract(data, '$.detail.card_last4'), json_extract(data, '$.detail.card_payment.arn'), at
FROM activity_events
WHERE json_extract(data, '$.detail.type') = 'deposit' AND json_extract(data, '$.detail.card_last4') IS NOT NULL;
