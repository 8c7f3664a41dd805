//! Cache rows ↔ contract types.

use arbiter_contract::codec::{from_ms, from_wire_name};
use arbiter_contract::{Agent, Customer, Message, Ticket};
use serde::de::DeserializeOwned;
use sqlx::sqlite::SqliteRow;
use sqlx::Row;

pub(crate) fn wire<T: DeserializeOwned>(row: &SqliteRow, column: &str) -> Result<T, sqlx::Error> {
    let stored: &str = row.try_get(column)?;
    from_wire_name(stored).map_err(|e| sqlx::Error::ColumnDecode { index: column.into(), source: Box::new(e) })
}

pub(crate) fn json<T: DeserializeOwned>(row: &SqliteRow, column: &str) -> Result<T, sqlx::Error> {
    let stored: &str = row.try_get(column)?;
    serde_json::from_str(stored).map_err(|e| sqlx::Error::ColumnDecode { index: column.into(), source: Box::new(e) })
}

pub(crate) fn agent(row: &SqliteRow) -> Result<Agent, sqlx::Error> {
    Ok(Agent {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        email: row.try_get("email")?,
        role: wire(row, "role")?,
        team: row.try_get("team")?,
        languages: json(row, "languages")?,
    })
}

pub(crate) fn customer(row: &SqliteRow) -> Result<Customer, sqlx::Error> {
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

pub(crate) fn ticket(row: &SqliteRow) -> Result<Ticket, sqlx::Error> {
    Ok(Ticket {
        id: row.try_get("id")?,
        channel: wire(row, "channel")?,
        kind: wire(row, "kind")?,
        subject: row.try_get("subject")?,
        status: wire(row, "status")?,
        priority: wire(row, "priority")?,
        queue: row.try_get("queue")?,
        assignee_id: row.try_get("assignee_id")?,
        customer_id: row.try_get("customer_id")?,
        language: row.try_get("language")?,
        tags: json(row, "tags")?,
        created_at: from_ms(row.try_get("created_at")?),
        updated_at: from_ms(row.try_get("updated_at")?),
        version: row.try_get("version")?,
    })
}

pub(crate) fn message(row: &SqliteRow) -> Result<Message, sqlx::Error> {
    Ok(Message {
        id: row.try_get("id")?,
        ticket_id: row.try_get("ticket_id")?,
        author_kind: wire(row, "author_kind")?,
        author_agent_id: row.try_get("author_agent_id")?,
        author_name: row.try_get("author_name")?,
        text: row.try_get("text")?,
        html: row.try_get("html")?,
        created_at: from_ms(row.try_get("created_at")?),
        client_ref: row.try_get("client_ref")?,
    })
}
