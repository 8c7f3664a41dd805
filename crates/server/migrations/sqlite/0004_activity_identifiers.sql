-- The identifiers customers' activity carries (devices, IPs, withdrawal wallets, cards),
-- written with each event (arbiter_risk::identifiers says which), so the accounts linked to
-- a customer's — whatever queue they are in — are an index lookup.
CREATE TABLE activity_identifiers (
    kind        TEXT NOT NULL,      -- device, ip, wallet, card
    value       TEXT NOT NULL,
    customer_id INTEGER NOT NULL,
    event_id    INTEGER NOT NULL,
    PRIMARY KEY (kind, value, event_id)
) WITHOUT ROWID;
CREATE INDEX activity_identifiers_by_customer ON activity_identifiers(customer_id, kind, value);

-- The activity stored before this index existed.
INSERT OR IGNORE INTO activity_identifiers
SELECT 'device', json_extract(data, '$.detail.device_id'), customer_id, id FROM activity_events
WHERE json_extract(data, '$.detail.type') IN ('login', 'security_change')
  AND COALESCE(json_extract(data, '$.detail.device_id'), '') <> '';
INSERT OR IGNORE INTO activity_identifiers
SELECT 'ip', json_extract(data, '$.detail.ip'), customer_id, id FROM activity_events
WHERE json_extract(data, '$.detail.type') IN ('login', 'security_change')
  AND COALESCE(json_extract(data, '$.detail.ip'), '') <> '';
INSERT OR IGNORE INTO activity_identifiers
SELECT 'wallet', json_extract(data, '$.detail.address'), customer_id, id FROM activity_events
WHERE json_extract(data, '$.detail.type') = 'withdrawal'
  AND COALESCE(json_extract(data, '$.detail.address'), '') <> '';
INSERT OR IGNORE INTO activity_identifiers
SELECT 'card', json_extract(data, '$.detail.card_fingerprint'), customer_id, id FROM activity_events
WHERE json_extract(data, '$.detail.type') = 'deposit'
  AND COALESCE(json_extract(data, '$.detail.card_fingerprint'), '') <> '';
