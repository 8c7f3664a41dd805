//! Who may see what. An agent sees their teams' queues and what is assigned to them; a
//! supervisor sees the teams they lead, including whatever their members are assigned.
//! Customers and their activity are visible with any of the customer's visible tickets.

use arbiter_contract::{Agent, AgentRole, Case, Escalation, Sar, Ticket};
use sqlx::AnyConnection;

use super::rows::{params, Val};

/// Who may see one feed row. `global` rows are for everyone; otherwise any match shows it.
/// (Serialized only for the stream bus between instances.)
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Scope {
    pub global: bool,
    /// A support queue (the ticket's).
    pub queue: Option<String>,
    /// A second team that also sees it (an escalation's target, compliance for SARs).
    pub team: Option<String>,
    pub assignee: Option<i64>,
    /// Visible with any visible ticket of this customer.
    pub customer: Option<i64>,
    /// One agent (the author of a private draft).
    pub agent: Option<i64>,
    /// The supervisors who lead this team, and nobody else (shift handovers). Live events
    /// only: the change feed's rows never carry it.
    pub leads_of: Option<String>,
}

impl Scope {
    pub fn global() -> Self {
        Scope { global: true, ..Scope::default() }
    }

    pub fn of_ticket(ticket: &Ticket) -> Self {
        Scope { queue: Some(ticket.queue.clone()), assignee: ticket.assignee_id, ..Scope::default() }
    }

    pub fn of_customer(customer_id: i64) -> Self {
        Scope { customer: Some(customer_id), ..Scope::default() }
    }

    pub fn of_case(case: &Case) -> Self {
        Scope { queue: Some(case.queue.clone()), assignee: case.assignee_id, ..Scope::default() }
    }

    /// The ticket's viewers and the team it was raised to.
    pub fn of_escalation(escalation: &Escalation, ticket: Option<&Ticket>) -> Self {
        Scope {
            queue: ticket.map(|t| t.queue.clone()),
            team: Some(escalation.target_team.clone()),
            assignee: ticket.and_then(|t| t.assignee_id).or(escalation.target_agent_id),
            ..Scope::default()
        }
    }

    /// The leads of a team.
    pub fn leads_of(team: &str) -> Self {
        Scope { leads_of: Some(team.to_owned()), ..Scope::default() }
    }

    /// The investigator, and compliance, who receives it.
    pub fn of_sar(sar: &Sar) -> Self {
        Scope { team: Some("compliance".into()), agent: Some(sar.investigator_id), ..Scope::default() }
    }
}

/// What one caller may see, resolved once per request.
#[derive(Debug, Clone)]
pub struct Visibility {
    pub agent_id: i64,
    pub teams: Vec<String>,
    /// For supervisors: the members of the teams they lead (themselves included).
    pub members: Vec<i64>,
    pub supervisor: bool,
}

impl Visibility {
    pub async fn of(conn: &mut AnyConnection, agent: &Agent) -> Result<Self, sqlx::Error> {
        let supervisor = agent.role == AgentRole::Supervisor;
        let members = if supervisor && !agent.teams.is_empty() {
            let sql = format!("SELECT id FROM agents WHERE team IN ({})", params(0, agent.teams.len()));
            let mut query = sqlx::query_scalar::<_, i64>(&sql);
            for team in &agent.teams {
                query = query.bind(team.clone());
            }
            query.fetch_all(conn).await?
        } else {
            vec![agent.id]
        };
        Ok(Self { agent_id: agent.id, teams: agent.teams.clone(), members, supervisor })
    }

    /// Whether a ticket with this queue and assignee is in view.
    pub fn sees_ticket(&self, queue: &str, assignee: Option<i64>) -> bool {
        self.teams.iter().any(|t| t == queue)
            || assignee.is_some_and(|a| a == self.agent_id || self.members.contains(&a))
    }

    /// Whether a customer is in view: any of their tickets is.
    pub async fn sees_customer(&self, conn: &mut AnyConnection, customer_id: i64) -> Result<bool, sqlx::Error> {
        let tickets: Vec<(String, Option<i64>)> =
            sqlx::query_as("SELECT queue, assignee_id FROM tickets WHERE customer_id = $1")
                .bind(customer_id)
                .fetch_all(conn)
                .await?;
        Ok(tickets.iter().any(|(queue, assignee)| self.sees_ticket(queue, *assignee)))
    }

    /// Whether a feed row with this scope is in view, without the customer rule (which
    /// needs the database); used to filter live-stream events.
    pub fn sees(&self, scope: &Scope) -> bool {
        scope.global
            || scope.queue.as_deref().is_some_and(|q| self.teams.iter().any(|t| t == q))
            || scope.team.as_deref().is_some_and(|q| self.teams.iter().any(|t| t == q))
            || scope.assignee.is_some_and(|a| a == self.agent_id || self.members.contains(&a))
            || scope.agent == Some(self.agent_id)
            || (self.supervisor && scope.leads_of.as_deref().is_some_and(|t| self.teams.iter().any(|m| m == t)))
    }

    /// A SQL condition over a `changes` row aliased `c`, with its bind values (numbered
    /// from `offset + 1`): the team part and the agent's own part together, the customer
    /// rule worked out as `rule` says.
    pub fn feed_condition(&self, offset: usize, rule: CustomerRule) -> (String, Vec<Val>) {
        let mut binds = Binds { offset, args: Vec::new() };
        let teams = binds.list(self.teams.iter().map(|t| Val::from(t.as_str())));
        let members = binds.list(self.members.iter().map(|m| Val::from(*m)));
        let me = binds.next(Val::from(self.agent_id));
        let sql = match rule {
            CustomerRule::Once => format!("({} OR {})", team_part(&teams), own_part(&members, &me)),
            CustomerRule::PerRow => format!(
                "(c.scope_global = 1
                  OR c.scope_queue IN {teams}
                  OR c.scope_team IN {teams}
                  OR c.scope_assignee IN {members}
                  OR c.scope_agent = {me}
                  OR (c.scope_customer IS NOT NULL AND EXISTS (
                      SELECT 1 FROM tickets t
                      WHERE t.customer_id = c.scope_customer
                        AND (t.queue IN {teams} OR t.assignee_id IN {members}))))"
            ),
        };
        (sql, binds.args)
    }

    /// The part of the feed condition every agent of the same teams shares: what is global,
    /// in the teams' queues, raised to the teams, and the customers of the queues' tickets.
    pub fn team_condition(&self, offset: usize) -> (String, Vec<Val>) {
        let mut binds = Binds { offset, args: Vec::new() };
        let teams = binds.list(self.teams.iter().map(|t| Val::from(t.as_str())));
        (team_part(&teams), binds.args)
    }

    /// The agent's own rows, as separate conditions each of which an index answers
    /// (`changes_by_assignee`, `changes_by_agent`, `changes_by_customer`): what is assigned
    /// to them (or, for a supervisor, to a member of the teams they lead), their private
    /// drafts, and the customers of what is assigned.
    pub fn own_conditions(&self, offset: usize) -> (Vec<String>, Vec<Val>) {
        let mut binds = Binds { offset, args: Vec::new() };
        let members = binds.list(self.members.iter().map(|m| Val::from(*m)));
        let me = binds.next(Val::from(self.agent_id));
        let conditions = vec![
            format!("c.scope_assignee IN {members}"),
            format!("c.scope_agent = {me}"),
            format!("c.scope_customer IN (SELECT t.customer_id FROM tickets t WHERE t.assignee_id IN {members})"),
        ];
        (conditions, binds.args)
    }

    /// What decides this caller's own rows (a key for keeping them).
    pub fn own_key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (self.agent_id, &self.members, &self.teams).hash(&mut hasher);
        hasher.finish()
    }
}

/// How a page's query decides that a customer's rows are in view (the customer has a ticket
/// in view).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomerRule {
    /// The scope's customers worked out once per query: cheap for a team's scope, but it
    /// costs the whole scope on every page (a head of support over 114,000 tickets: 0.67 s a
    /// page on SQLite).
    Once,
    /// Each row's customer looked up by index (`tickets_by_customer`): costs the page, not the
    /// scope (3 ms a page for the same head of support), so it serves the scopes too wide for
    /// a team list.
    PerRow,
}

/// Bind values numbered after an offset.
struct Binds {
    offset: usize,
    args: Vec<Val>,
}

impl Binds {
    fn next(&mut self, value: Val) -> String {
        self.args.push(value);
        format!("${}", self.offset + self.args.len())
    }

    /// `($n, $n+1, …)`, or `(NULL)` (matches nothing) for no values.
    fn list(&mut self, values: impl Iterator<Item = Val>) -> String {
        let items: Vec<String> = values.map(|v| self.next(v)).collect();
        if items.is_empty() {
            "(NULL)".to_owned()
        } else {
            format!("({})", items.join(", "))
        }
    }
}

/// The customer rule is an uncorrelated `IN`, which both databases work out once per query
/// (PostgreSQL hashes it, SQLite builds a temporary index); as a correlated `EXISTS` it was
/// looked up again for every customer row of the feed, and a herd of desks syncing at once
/// spent most of its time there.
fn team_part(teams: &str) -> String {
    format!(
        "(c.scope_global = 1
          OR c.scope_queue IN {teams}
          OR c.scope_team IN {teams}
          OR c.scope_customer IN (SELECT t.customer_id FROM tickets t WHERE t.queue IN {teams}))"
    )
}

fn own_part(members: &str, me: &str) -> String {
    format!(
        "(c.scope_assignee IN {members}
          OR c.scope_agent = {me}
          OR c.scope_customer IN (SELECT t.customer_id FROM tickets t WHERE t.assignee_id IN {members}))"
    )
}
