-- The identifiers customers' activity carries (devices, IPs, withdrawal wallets, cards),
-- written with each event (arbiter_risk::identifiers says which), so the accounts linked to
-- a customer's — whatever queue they are in — are an index lookup.
CREATE TABLE activity_identifiers (
    kind        TEXT NOT NULL,      -- device, ip, wallet, card
    value       TEXT NOT NULL,
    customer_id BIGINT NOT NULL,
    event_id    BIGINT NOT NULL,
    PRIMARY KEY (kind, value, event_id)
);
CREATE INDEX activity_identifiers_by_customer ON activity_identifiers(customer_id, kind, value);

-- The activity stored before this index existed.
INSERT INTO activity_identifiers
SELECT k.kind, k.value, e.customer_id, e.id
FROM (SELECT id, customer_id, (data::jsonb)->'detail' AS d FROM activity_events) e
CROSS JOIN LATERAL (VALUES
    ('device', CASE WHEN e.d->>'type' IN ('login', 'security_change') THEN e.d->>'device_id' END),
    ('ip', CASE WHEN e.d->>'type' IN ('login', 'security_change') THEN e.d->>'ip' END),
    ('wallet', CASE WHEN e.d->>'type' = 'withdrawal' THEN e.d->>'address' END),
    ('card', CASE WHEN e.d->>'type' = 'deposit' THEN e.d->>'card_fingerprint' END)
) AS k(kind, value)
WHERE COALESCE(k.value, '') <> ''
ON CONFLICT DO NOTHING;
