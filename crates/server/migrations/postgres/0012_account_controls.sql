-- Stopping the loss (issue 18): each account's controls (the contract's AccountControls as
-- JSON), and the requests to change them, applied at once or waiting for their approver.
CREATE TABLE account_controls (
    customer_id BIGINT PRIMARY KEY,
    version     BIGINT NOT NULL,
    data        TEXT NOT NULL
);

CREATE TABLE action_requests (
    id           BIGINT PRIMARY KEY,
    customer_id  BIGINT NOT NULL,
    requested_by BIGINT NOT NULL,
    status       TEXT NOT NULL,
    lapses_at    BIGINT,                    -- ms, while awaiting approval
    version      BIGINT NOT NULL,
    data         TEXT NOT NULL
);
CREATE INDEX action_requests_by_customer ON action_requests(customer_id, id);
CREATE INDEX action_requests_awaiting ON action_requests(status, lapses_at);
