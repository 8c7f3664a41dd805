-- A desk's initial sync takes its team's rows from a list the server keeps per team scope,
-- and the agent's own rows (assigned to them or their team's members, their private drafts,
-- the customers of what is assigned to them) from these indexes.
CREATE INDEX changes_by_assignee ON changes(scope_assignee, seq) WHERE scope_assignee IS NOT NULL;
CREATE INDEX changes_by_agent ON changes(scope_agent, seq) WHERE scope_agent IS NOT NULL;
CREATE INDEX changes_by_customer ON changes(scope_customer, seq) WHERE scope_customer IS NOT NULL;
