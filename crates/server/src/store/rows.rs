//! Row → contract conversions and single-entity reads.

use arbiter_contract::{Agent, Customer, Message, Ticket};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

use crate::codec::{enum_from_str, from_ms, json_list};

pub(crate) fn agent_from_row(row: &SqliteRow) -> Result<Agent, sqlx::Error> {
    Ok(Agent {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        email: row.try_get("email")?,
        role: enum_from_str(row.try_get("role")?)?,
        team: row.try_get("team")?,
        languages: json_list(row.try_get("languages")?)?,
    })
}

pub(crate) fn customer_from_row(row: &SqliteRow) -> Result<Customer, sqlx::Error> {
    Ok(Customer {
        id: row.try_get("id")?,
        account_id: row.try_get("account_id")?,
        name: row.try_get("name")?,
        email: row.try_get("email")?,
        language: row.try_get("language")?,
        country: row.try_get("country")?,
        created_at: from_ms(row.try_get("created_at")?),
    })
}

pub(crate) fn ticket_from_row(row: &SqliteRow) -> Result<Ticket, sqlx::Error> {
    Ok(Ticket {
        id: row.try_get("id")?,
        channel: enum_from_str(row.try_get("channel")?)?,
        kind: enum_from_str(row.try_get("kind")?)?,
        subject: row.try_get("subject")?,
        status: enum_from_str(row.try_get("status")?)?,
        priority: enum_from_str(row.try_get("priority")?)?,
        queue: row.try_get("queue")?,
        assignee_id: row.try_get("assignee_id")?,
        customer_id: row.try_get("customer_id")?,
        language: row.try_get("language")?,
        tags: json_list(row.try_get("tags")?)?,
        created_at: from_ms(row.try_get("created_at")?),
        updated_at: from_ms(row.try_get("updated_at")?),
        version: row.try_get("version")?,
    })
}

pub(crate) fn message_from_row(row: &SqliteRow) -> Result<Message, sqlx::Error> {
    Ok(Message {
        id: row.try_get("id")?,
        ticket_id: row.try_get("ticket_id")?,
        author_kind: enum_from_str(row.try_get("author_kind")?)?,
        author_agent_id: row.try_get("author_agent_id")?,
        author_name: row.try_get("author_name")?,
        text: row.try_get("text")?,
        html: row.try_get("html")?,
        created_at: from_ms(row.try_get("created_at")?),
        client_ref: row.try_get("client_ref")?,
    })
}

pub async fn agent_by_id(conn: &mut SqliteConnection, id: i64) -> Result<Option<Agent>, sqlx::Error> {
    let row = sqlx::query("SELECT * FROM agents WHERE id = ?").bind(id).fetch_optional(conn).await?;
    row.as_ref().map(agent_from_row).transpose()
}

pub async fn customer_by_id(conn: &mut SqliteConnection, id: i64) -> Result<Option<Customer>, sqlx::Error> {
    let row = sqlx::query("SELECT * FROM customers WHERE id = ?").bind(id).fetch_optional(conn).await?;
    row.as_ref().map(customer_from_row).transpose()
}

pub async fn ticket_by_id(conn: &mut SqliteConnection, id: i64) -> Result<Option<Ticket>, sqlx::Error> {
    let row = sqlx::query("SELECT * FROM tickets WHERE id = ?").bind(id).fetch_optional(conn).await?;
    row.as_ref().map(ticket_from_row).transpose()
}

pub async fn messages_of_ticket(conn: &mut SqliteConnection, ticket_id: i64) -> Result<Vec<Message>, sqlx::Error> {
    let rows = sqlx::query("SELECT * FROM messages WHERE ticket_id = ? ORDER BY created_at, id")
        .bind(ticket_id)
        .fetch_all(conn)
        .await?;
    rows.iter().map(message_from_row).collect()
}
