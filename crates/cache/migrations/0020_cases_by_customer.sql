-- The case screen's compelling-evidence check reads the customer's other chargebacks (the
-- payments they dispute) by index.
CREATE INDEX entities_cases_by_customer
    ON entities(json_extract(data, '$.data.customer_id'))
    WHERE kind = 'case';
