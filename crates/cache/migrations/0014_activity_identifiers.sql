-- The identifiers customers' activity carries (devices, IPs, withdrawal wallets, cards), kept
-- by triggers, so a customer's linked accounts — anyone else using the same one — are an
-- index lookup, not a scan of every cached event.
CREATE TABLE activity_identifiers (
    kind        TEXT NOT NULL,      -- device, ip, wallet, card
    value       TEXT NOT NULL,
    customer_id INTEGER NOT NULL,
    event_id    INTEGER NOT NULL,
    PRIMARY KEY (kind, value, event_id)
) WITHOUT ROWID;
CREATE INDEX activity_identifiers_by_customer ON activity_identifiers(customer_id);
CREATE INDEX activity_identifiers_by_event ON activity_identifiers(event_id);

CREATE TRIGGER activity_identifiers_insert AFTER INSERT ON entities WHEN NEW.kind = 'activity_event' BEGIN
    -- Cleared first: an upsert firing this trigger would override OR IGNORE.
    DELETE FROM activity_identifiers WHERE event_id = NEW.id;
    INSERT OR IGNORE INTO activity_identifiers
    SELECT 'device', json_extract(NEW.data, '$.data.detail.device_id'), json_extract(NEW.data, '$.data.customer_id'), NEW.id
    WHERE json_extract(NEW.data, '$.data.detail.type') IN ('login', 'security_change')
      AND json_extract(NEW.data, '$.data.detail.device_id') IS NOT NULL;
    INSERT OR IGNORE INTO activity_identifiers
    SELECT 'ip', json_extract(NEW.data, '$.data.detail.ip'), json_extract(NEW.data, '$.data.customer_id'), NEW.id
    WHERE json_extract(NEW.data, '$.data.detail.type') IN ('login', 'security_change')
      AND json_extract(NEW.data, '$.data.detail.ip') IS NOT NULL;
    INSERT OR IGNORE INTO activity_identifiers
    SELECT 'wallet', json_extract(NEW.data, '$.data.detail.address'), json_extract(NEW.data, '$.data.customer_id'), NEW.id
    WHERE json_extract(NEW.data, '$.data.detail.type') = 'withdrawal';
    INSERT OR IGNORE INTO activity_identifiers
    SELECT 'card', json_extract(NEW.data, '$.data.detail.card_fingerprint'), json_extract(NEW.data, '$.data.customer_id'), NEW.id
    WHERE json_extract(NEW.data, '$.data.detail.type') = 'deposit'
      AND json_extract(NEW.data, '$.data.detail.card_fingerprint') IS NOT NULL;
END;

CREATE TRIGGER activity_identifiers_delete AFTER DELETE ON entities WHEN OLD.kind = 'activity_event' BEGIN
    DELETE FROM activity_identifiers WHERE event_id = OLD.id;
END;

-- Activity is append-only; an update (the same event again) changes no identifier.

INSERT OR IGNORE INTO activity_identifiers
SELECT 'device', json_extract(data, '$.data.detail.device_id'), json_extract(data, '$.data.customer_id'), id
FROM entities WHERE kind = 'activity_event'
  AND json_extract(data, '$.data.detail.type') IN ('login', 'security_change')
  AND json_extract(data, '$.data.detail.device_id') IS NOT NULL;
INSERT OR IGNORE INTO activity_identifiers
SELECT 'ip', json_extract(data, '$.data.detail.ip'), json_extract(data, '$.data.customer_id'), id
FROM entities WHERE kind = 'activity_event'
  AND json_extract(data, '$.data.detail.type') IN ('login', 'security_change')
  AND json_extract(data, '$.data.detail.ip') IS NOT NULL;
INSERT OR IGNORE INTO activity_identifiers
SELECT 'wallet', json_extract(data, '$.data.detail.address'), json_extract(data, '$.data.customer_id'), id
FROM entities WHERE kind = 'activity_event' AND json_extract(data, '$.data.detail.type') = 'withdrawal';
INSERT OR IGNORE INTO activity_identifiers
SELECT 'card', json_extract(data, '$.data.detail.card_fingerprint'), json_extract(data, '$.data.customer_id'), id
FROM entities WHERE kind = 'activity_event' AND json_extract(data, '$.data.detail.type') = 'deposit'
  AND json_extract(data, '$.data.detail.card_fingerprint') IS NOT NULL;
