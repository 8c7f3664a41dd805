-- The channel is kept in case_facts itself, so the analytics read one narrow table and never
-- the tickets' (large) rows: set from the case's first ticket when the case comes, and again
-- when that ticket comes or changes channel.
ALTER TABLE case_facts ADD COLUMN channel TEXT;
UPDATE case_facts SET channel = (SELECT channel FROM tickets WHERE id = case_facts.ticket_id);
CREATE INDEX case_facts_by_ticket ON case_facts(ticket_id);
DROP INDEX tickets_channel_by_id;

DROP TRIGGER case_facts_insert;
DROP TRIGGER case_facts_update;

CREATE TRIGGER case_facts_insert AFTER INSERT ON entities WHEN NEW.kind = 'case' BEGIN
    -- Delete then insert: an upsert that fires the trigger would override OR REPLACE.
    DELETE FROM case_facts WHERE id = NEW.id;
    INSERT INTO case_facts (id, queue, kind, network, reason_code, outcome, counted_day, amount_usd_cents,
                            lost_usd_cents, recovered_usd_cents, ticket_id, channel)
    VALUES (
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
        json_extract(NEW.data, '$.data.ticket_ids[0]'),
        (SELECT channel FROM tickets WHERE id = json_extract(NEW.data, '$.data.ticket_ids[0]'))
    );
END;

CREATE TRIGGER case_facts_update AFTER UPDATE ON entities WHEN NEW.kind = 'case' BEGIN
    DELETE FROM case_facts WHERE id = NEW.id;
    INSERT INTO case_facts (id, queue, kind, network, reason_code, outcome, counted_day, amount_usd_cents,
                            lost_usd_cents, recovered_usd_cents, ticket_id, channel)
    VALUES (
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
        json_extract(NEW.data, '$.data.ticket_ids[0]'),
        (SELECT channel FROM tickets WHERE id = json_extract(NEW.data, '$.data.ticket_ids[0]'))
    );
END;

CREATE TRIGGER case_facts_ticket_insert AFTER INSERT ON tickets BEGIN
    UPDATE case_facts SET channel = NEW.channel WHERE ticket_id = NEW.id;
END;

CREATE TRIGGER case_facts_ticket_update AFTER UPDATE OF channel ON tickets BEGIN
    UPDATE case_facts SET channel = NEW.channel WHERE ticket_id = NEW.id;
END;
