-- The case screen lists the case's documents by index.
CREATE INDEX entities_documents_by_case
    ON entities(json_extract(data, '$.data.case_id'))
    WHERE kind = 'document';
