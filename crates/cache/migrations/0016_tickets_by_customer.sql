-- A customer's tickets, found when their details or activity sync: those tickets' screens
-- (the customer panel, the risk tab) are then read again.
CREATE INDEX tickets_by_customer ON tickets(customer_id);
