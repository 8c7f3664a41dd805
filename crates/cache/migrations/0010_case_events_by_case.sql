-- The case screen reads a case's audit trail by index.
CREATE INDEX entities_case_events_by_case
    ON entities(json_extract(data, '$.data.case_id'))
    WHERE kind = 'case_event';
