-- Loss analytics read a narrow table of each case's figures instead of every case's JSON
-- (tens of thousands on a big desk). Triggers keep it in step with the cached cases, however
-- they change (feed, own actions, deletions, resets).
CREATE TABLE case_facts (
    id                  INTEGER PRIMARY KEY,
    queue               TEXT NOT NULL,
    kind                TEXT NOT NULL,
    network             TEXT,
    reason_code         TEXT,
    outcome             TEXT,
    -- The UTC day it counts on: when it was decided, or, still open, when it was opened.
    counted_day         TEXT NOT NULL,
    amount_usd_cents    INTEGER NOT NULL,
    lost_usd_cents      INTEGER NOT NULL,
    recovered_usd_cents INTEGER NOT NULL,
    -- The first ticket, for the channel.
    ticket_id           INTEGER
);
CREATE INDEX case_facts_by_day ON case_facts(counted_day);

CREATE TRIGGER case_facts_insert AFTER INSERT ON entities WHEN NEW.kind = 'case' BEGIN
    -- Delete then insert: an upsert that fires the trigger would override OR REPLACE.
    DELETE FROM case_facts WHERE id = NEW.id;
    INSERT INTO case_facts VALUES (
        NEW.id,
        json_extract(NEW.data, '$.data.queue'),
        json_extract(NEW.data, '$.data.kind'),
        json_extract(NEW.data, '$.data.card.network'),
        json_extract(NEW.data, '$.data.card.reason_code'),
        json_extract(NEW.data, '$.data.outcome'),
        substr(COALESCE(json_extract(NEW.data, '$.data.closed_at'), json_extract(NEW.data, '$.data.created_at')), 1, 10),
        json_extract(NEW.data, '$.data.amount_usd_cents'),
        json_extract(NEW.data, '$.data.lost_usd_cents'),
        json_extract(NEW.data, '$.data.recovered_usd_cents'),
        json_extract(NEW.data, '$.data.ticket_ids[0]')
    );
END;

CREATE TRIGGER case_facts_update AFTER UPDATE ON entities WHEN NEW.kind = 'case' BEGIN
    -- Delete then insert: an upsert that fires the trigger would override OR REPLACE.
    DELETE FROM case_facts WHERE id = NEW.id;
    INSERT INTO case_facts VALUES (
        NEW.id,
        json_extract(NEW.data, '$.data.queue'),
        json_extract(NEW.data, '$.data.kind'),
        json_extract(NEW.data, '$.data.card.network'),
        json_extract(NEW.data, '$.data.card.reason_code'),
        json_extract(NEW.data, '$.data.outcome'),
        substr(COALESCE(json_extract(NEW.data, '$.data.closed_at'), json_extract(NEW.data, '$.data.created_at')), 1, 10),
        json_extract(NEW.data, '$.data.amount_usd_cents'),
        json_extract(NEW.data, '$.data.lost_usd_cents'),
        json_extract(NEW.data, '$.data.recovered_usd_cents'),
        json_extract(NEW.data, '$.data.ticket_ids[0]')
    );
END;

CREATE TRIGGER case_facts_delete AFTER DELETE ON entities WHEN OLD.kind = 'case' BEGIN
    DELETE FROM case_facts WHERE id = OLD.id;
END;

INSERT INTO case_facts
SELECT
    id,
    json_extract(data, '$.data.queue'),
    json_extract(data, '$.data.kind'),
    json_extract(data, '$.data.card.network'),
    json_extract(data, '$.data.card.reason_code'),
    json_extract(data, '$.data.outcome'),
    substr(COALESCE(json_extract(data, '$.data.closed_at'), json_extract(data, '$.data.created_at')), 1, 10),
    json_extract(data, '$.data.amount_usd_cents'),
    json_extract(data, '$.data.lost_usd_cents'),
    json_extract(data, '$.data.recovered_usd_cents'),
    json_extract(data, '$.data.ticket_ids[0]')
FROM entities WHERE kind = 'case';

-- The channel of a case's ticket without reading the ticket's (large) row.
CREATE INDEX tickets_channel_by_id ON tickets(id, channel);
