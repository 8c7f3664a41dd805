-- How many customer messages of each live chat the agent has not read: the chat dock's
-- counts survive a restart, per agent and encrypted (not in web storage).

CREATE TABLE chat_unread (
    ticket_id INTEGER PRIMARY KEY,
    unread    INTEGER NOT NULL CHECK (unread > 0)
);
