-- Inbox views stay instant with 100k+ tickets: each view's page comes from an index that
-- holds just its rows in display order, and view counts come from a small table of counts
-- kept by triggers instead of counting tickets.

DROP INDEX tickets_by_status;
DROP INDEX tickets_by_assignee;
DROP INDEX tickets_by_updated;
CREATE INDEX tickets_by_status ON tickets(status, updated_at DESC, id DESC);
CREATE INDEX tickets_by_updated ON tickets(updated_at DESC, id DESC);
-- Mine and Unassigned (the condition must match `view_condition` in queries.rs).
CREATE INDEX tickets_active_by_assignee ON tickets(assignee_id, updated_at DESC, id DESC)
    WHERE status IN ('new', 'open', 'pending', 'on_hold');
CREATE INDEX tickets_open_recent ON tickets(updated_at DESC, id DESC) WHERE status IN ('new', 'open');
CREATE INDEX tickets_solved_recent ON tickets(updated_at DESC, id DESC) WHERE status IN ('solved', 'closed');

-- Tickets per (status, assignee); assignee 0 is "nobody".
CREATE TABLE ticket_counts (
    status   TEXT NOT NULL,
    assignee INTEGER NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (status, assignee)
) WITHOUT ROWID;
INSERT INTO ticket_counts (status, assignee, n)
    SELECT status, COALESCE(assignee_id, 0), COUNT(*) FROM tickets GROUP BY 1, 2;

CREATE TRIGGER tickets_counted_on_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO ticket_counts (status, assignee, n) VALUES (NEW.status, COALESCE(NEW.assignee_id, 0), 1)
        ON CONFLICT (status, assignee) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tickets_counted_on_delete AFTER DELETE ON tickets BEGIN
    UPDATE ticket_counts SET n = n - 1 WHERE status = OLD.status AND assignee = COALESCE(OLD.assignee_id, 0);
END;
CREATE TRIGGER tickets_counted_on_update AFTER UPDATE OF status, assignee_id ON tickets
    WHEN OLD.status IS NOT NEW.status OR OLD.assignee_id IS NOT NEW.assignee_id
BEGIN
    UPDATE ticket_counts SET n = n - 1 WHERE status = OLD.status AND assignee = COALESCE(OLD.assignee_id, 0);
    INSERT INTO ticket_counts (status, assignee, n) VALUES (NEW.status, COALESCE(NEW.assignee_id, 0), 1)
        ON CONFLICT (status, assignee) DO UPDATE SET n = n + 1;
END;
