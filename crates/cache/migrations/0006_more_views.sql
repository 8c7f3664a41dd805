-- The workspace's further views (SLA at risk, escalated, chargebacks, fraud claims, disputes),
-- tags for filtering, and the agent's saved views.

ALTER TABLE tickets ADD COLUMN escalation_level TEXT NOT NULL DEFAULT 'l0';
-- The soonest running SLA clock (response or resolution), ms; NULL when none runs.
ALTER TABLE tickets ADD COLUMN sla_due_at INTEGER;
UPDATE tickets SET escalation_level = COALESCE(json_extract(data, '$.escalation_level'), 'l0');
UPDATE tickets SET sla_due_at = (
    SELECT MIN(d) FROM (
        SELECT CAST(strftime('%s', CASE WHEN json_extract(data, '$.sla.first_responded_at') IS NULL
                                        THEN json_extract(data, '$.sla.first_response_due_at')
                                        ELSE json_extract(data, '$.sla.next_response_due_at') END) AS INTEGER) * 1000 AS d
        UNION ALL
        SELECT CAST(strftime('%s', json_extract(data, '$.sla.resolution_due_at')) AS INTEGER) * 1000
    ) WHERE d IS NOT NULL);

CREATE INDEX tickets_active_by_kind ON tickets(kind, updated_at DESC, id DESC)
    WHERE status IN ('new', 'open', 'pending', 'on_hold');
CREATE INDEX tickets_escalated ON tickets(updated_at DESC, id DESC)
    WHERE escalation_level <> 'l0' AND status IN ('new', 'open', 'pending', 'on_hold');
CREATE INDEX tickets_sla_due ON tickets(sla_due_at, id) WHERE status IN ('new', 'open');

-- Counts by everything the built-in views select on except time (SLA at risk is counted
-- from its index: the set is small and depends on the clock).
DROP TRIGGER tickets_counted_on_insert;
DROP TRIGGER tickets_counted_on_delete;
DROP TRIGGER tickets_counted_on_update;
DROP TABLE ticket_counts;
CREATE TABLE ticket_counts (
    status    TEXT NOT NULL,
    assignee  INTEGER NOT NULL,   -- 0: nobody
    kind      TEXT NOT NULL,
    escalated INTEGER NOT NULL,   -- 1 when above L0
    n         INTEGER NOT NULL,
    PRIMARY KEY (status, assignee, kind, escalated)
) WITHOUT ROWID;
INSERT INTO ticket_counts (status, assignee, kind, escalated, n)
    SELECT status, COALESCE(assignee_id, 0), kind, escalation_level <> 'l0', COUNT(*) FROM tickets GROUP BY 1, 2, 3, 4;
CREATE TRIGGER tickets_counted_on_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO ticket_counts (status, assignee, kind, escalated, n)
        VALUES (NEW.status, COALESCE(NEW.assignee_id, 0), NEW.kind, NEW.escalation_level <> 'l0', 1)
        ON CONFLICT (status, assignee, kind, escalated) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tickets_counted_on_delete AFTER DELETE ON tickets BEGIN
    UPDATE ticket_counts SET n = n - 1
        WHERE status = OLD.status AND assignee = COALESCE(OLD.assignee_id, 0) AND kind = OLD.kind
          AND escalated = (OLD.escalation_level <> 'l0');
END;
CREATE TRIGGER tickets_counted_on_update AFTER UPDATE OF status, assignee_id, kind, escalation_level ON tickets
    WHEN OLD.status IS NOT NEW.status OR OLD.assignee_id IS NOT NEW.assignee_id OR OLD.kind IS NOT NEW.kind
      OR OLD.escalation_level IS NOT NEW.escalation_level
BEGIN
    UPDATE ticket_counts SET n = n - 1
        WHERE status = OLD.status AND assignee = COALESCE(OLD.assignee_id, 0) AND kind = OLD.kind
          AND escalated = (OLD.escalation_level <> 'l0');
    INSERT INTO ticket_counts (status, assignee, kind, escalated, n)
        VALUES (NEW.status, COALESCE(NEW.assignee_id, 0), NEW.kind, NEW.escalation_level <> 'l0', 1)
        ON CONFLICT (status, assignee, kind, escalated) DO UPDATE SET n = n + 1;
END;

-- Tags, one row each, kept from the ticket's JSON by triggers.
CREATE TABLE ticket_tags (
    tag       TEXT NOT NULL,
    ticket_id INTEGER NOT NULL,
    PRIMARY KEY (tag, ticket_id)
) WITHOUT ROWID;
CREATE INDEX ticket_tags_by_ticket ON ticket_tags(ticket_id);
INSERT OR IGNORE INTO ticket_tags (tag, ticket_id) SELECT j.value, t.id FROM tickets t, json_each(t.data, '$.tags') j;
CREATE TRIGGER ticket_tags_on_insert AFTER INSERT ON tickets BEGIN
    INSERT OR IGNORE INTO ticket_tags (tag, ticket_id) SELECT value, NEW.id FROM json_each(NEW.data, '$.tags');
END;
CREATE TRIGGER ticket_tags_on_update AFTER UPDATE OF data ON tickets BEGIN
    DELETE FROM ticket_tags WHERE ticket_id = OLD.id;
    INSERT OR IGNORE INTO ticket_tags (tag, ticket_id) SELECT value, NEW.id FROM json_each(NEW.data, '$.tags');
END;
CREATE TRIGGER ticket_tags_on_delete AFTER DELETE ON tickets BEGIN
    DELETE FROM ticket_tags WHERE ticket_id = OLD.id;
END;

-- The agent's own views: a name and a filter (JSON `TicketFilter`), in the agent's order.
CREATE TABLE saved_views (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    filter     TEXT NOT NULL,
    position   INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
