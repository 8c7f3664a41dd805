//! Reads of single entities and of a ticket's conversation.

use arbiter_contract::*;
use sqlx::AnyConnection;

use super::rows::{get, list, Val};

pub async fn agent(conn: &mut AnyConnection, id: i64) -> Result<Option<Agent>, sqlx::Error> {
    get(conn, "agents", id).await
}

/// The agent a bearer token belongs to (tokens are stored hashed).
pub async fn agent_of_token(conn: &mut AnyConnection, token: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT agent_id FROM agent_tokens WHERE token_sha256 = $1")
        .bind(super::entities::token_hash(token))
        .fetch_optional(&mut *conn)
        .await
}

/// The agent whose email is `email` (as an identity provider's token names them; case aside).
pub async fn agent_by_email(conn: &mut AnyConnection, email: &str) -> Result<Option<Agent>, sqlx::Error> {
    let agents = super::routing::all_agents(conn).await?;
    Ok(agents.into_iter().find(|a| a.email.eq_ignore_ascii_case(email)))
}

pub async fn customer(conn: &mut AnyConnection, id: i64) -> Result<Option<Customer>, sqlx::Error> {
    get(conn, "customers", id).await
}

pub async fn ticket(conn: &mut AnyConnection, id: i64) -> Result<Option<Ticket>, sqlx::Error> {
    get(conn, "tickets", id).await
}

pub async fn case(conn: &mut AnyConnection, id: i64) -> Result<Option<Case>, sqlx::Error> {
    get(conn, "cases", id).await
}

pub async fn escalation(conn: &mut AnyConnection, id: i64) -> Result<Option<Escalation>, sqlx::Error> {
    get(conn, "escalations", id).await
}

pub async fn sar(conn: &mut AnyConnection, id: i64) -> Result<Option<Sar>, sqlx::Error> {
    get(conn, "sars", id).await
}

pub async fn side_conversation(conn: &mut AnyConnection, id: i64) -> Result<Option<SideConversation>, sqlx::Error> {
    get(conn, "side_conversations", id).await
}

pub async fn document(conn: &mut AnyConnection, id: i64) -> Result<Option<Document>, sqlx::Error> {
    get(conn, "documents", id).await
}

pub async fn team(conn: &mut AnyConnection, id: &str) -> Result<Option<Team>, sqlx::Error> {
    let mut found: Vec<Team> = list(conn, "SELECT data FROM teams WHERE id = $1", vec![Val::from(id)]).await?;
    Ok(found.pop())
}

/// The policies in force.
pub async fn policy(conn: &mut AnyConnection) -> Result<PolicySet, sqlx::Error> {
    let mut found: Vec<PolicySet> =
        list(conn, "SELECT data FROM policies ORDER BY version DESC LIMIT 1", vec![]).await?;
    found.pop().ok_or_else(|| sqlx::Error::RowNotFound)
}

/// A ticket's messages, oldest first.
pub async fn messages_of(conn: &mut AnyConnection, ticket_id: i64) -> Result<Vec<Message>, sqlx::Error> {
    list(conn, "SELECT data FROM messages WHERE ticket_id = $1 ORDER BY created_at, id", vec![ticket_id.into()]).await
}

pub async fn ticket_children(conn: &mut AnyConnection, ticket_id: i64) -> Result<TicketChildren, sqlx::Error> {
    let by_ticket =
        |table: &str, order: &str| format!("SELECT data FROM {table} WHERE ticket_id = $1 ORDER BY {order}");
    Ok(TicketChildren {
        messages: list(conn, &by_ticket("messages", "created_at, id"), vec![ticket_id.into()]).await?,
        notes: list(conn, &by_ticket("notes", "id"), vec![ticket_id.into()]).await?,
        side_conversations: list(conn, &by_ticket("side_conversations", "id"), vec![ticket_id.into()]).await?,
        side_messages: list(conn, &by_ticket("side_messages", "id"), vec![ticket_id.into()]).await?,
        escalations: list(conn, &by_ticket("escalations", "id"), vec![ticket_id.into()]).await?,
    })
}

/// Everything stored under a ticket.
pub struct TicketChildren {
    pub messages: Vec<Message>,
    pub notes: Vec<Note>,
    pub side_conversations: Vec<SideConversation>,
    pub side_messages: Vec<SideMessage>,
    pub escalations: Vec<Escalation>,
}

pub async fn activity_of(conn: &mut AnyConnection, customer_id: i64) -> Result<Vec<ActivityEvent>, sqlx::Error> {
    list(conn, "SELECT data FROM activity_events WHERE customer_id = $1 ORDER BY at, id", vec![customer_id.into()])
        .await
}

/// A case's audit trail, oldest first.
pub async fn case_events(conn: &mut AnyConnection, case_id: i64) -> Result<Vec<CaseEvent>, sqlx::Error> {
    list(conn, "SELECT data FROM case_events WHERE case_id = $1 ORDER BY at, id", vec![case_id.into()]).await
}

/// The customers with these ids (in no particular order; unknown ids are left out).
pub async fn customers(conn: &mut AnyConnection, ids: &[i64]) -> Result<Vec<Customer>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!("SELECT data FROM customers WHERE id IN ({})", super::rows::params(0, ids.len()));
    list(conn, &sql, ids.iter().map(|c| Val::from(*c)).collect()).await
}

/// The active tickets (new, open, pending, on hold) of these queues.
pub async fn active_tickets_of_queues(conn: &mut AnyConnection, queues: &[String]) -> Result<Vec<Ticket>, sqlx::Error> {
    if queues.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT data FROM tickets WHERE queue IN ({}) AND status IN ('new', 'open', 'pending', 'on_hold')",
        super::rows::params(0, queues.len())
    );
    list(conn, &sql, queues.iter().map(|q| Val::from(q.as_str())).collect()).await
}

/// The open escalations aimed at these teams.
pub async fn open_escalations_of_teams(
    conn: &mut AnyConnection,
    teams: &[String],
) -> Result<Vec<Escalation>, sqlx::Error> {
    if teams.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT data FROM escalations WHERE status = 'open' AND target_team IN ({})",
        super::rows::params(0, teams.len())
    );
    list(conn, &sql, teams.iter().map(|t| Val::from(t.as_str())).collect()).await
}

/// The agents with these ids.
pub async fn agents(conn: &mut AnyConnection, ids: &[i64]) -> Result<Vec<Agent>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!("SELECT data FROM agents WHERE id IN ({})", super::rows::params(0, ids.len()));
    list(conn, &sql, ids.iter().map(|a| Val::from(*a)).collect()).await
}

/// Every team of `kind`, by id.
pub async fn teams_of_kind(conn: &mut AnyConnection, kind: TeamKind) -> Result<Vec<Team>, sqlx::Error> {
    let kind = arbiter_contract::codec::wire_name(&kind);
    list(conn, "SELECT data FROM teams WHERE kind = $1 ORDER BY id", vec![Val::from(kind)]).await
}
