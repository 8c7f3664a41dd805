-- The ticket screen reads a ticket's escalations (to take them) by index.
CREATE INDEX entities_escalations_by_ticket
    ON entities(json_extract(data, '$.data.ticket_id'))
    WHERE kind = 'escalation';
