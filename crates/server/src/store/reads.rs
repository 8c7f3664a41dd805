//! Reads of single entities and of a ticket's conversation.

use arbiter_contract::*;
use sqlx::AnyConnection;

use super::rows::{get, list, Val};

pub async fn agent(conn: &mut AnyConnection, id: i64) -> Result<Option<Agent>, sqlx::Error> {
    get(conn, "agents", id).await
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
