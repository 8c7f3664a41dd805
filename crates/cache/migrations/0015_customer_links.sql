-- The accounts linked to a customer's as the company API last answered (GET
-- /v1/customers/{id}/links): those outside the agent's queues are not in the feed, so this
-- keeps them for offline use. Dropped with the customer.
CREATE TABLE customer_links (
    customer_id INTEGER PRIMARY KEY,
    data        TEXT NOT NULL,      -- CustomerLinks JSON
    fetched_at  INTEGER NOT NULL    -- ms since the epoch
);
