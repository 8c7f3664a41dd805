//! The chat widget's tables: each chat's token (hashed) and customer-side state, and the
//! widget's message ids already stored.

use arbiter_contract::{MessageId, TicketId};
use sqlx::AnyConnection;

/// A chat the widget started, as its token finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetChat {
    pub ticket_id: TicketId,
    pub verified: bool,
    pub read_up_to: Option<MessageId>,
    pub no_agent: bool,
}

type Row = (i64, i64, Option<i64>, i64);

fn chat((ticket_id, verified, read_up_to, no_agent): Row) -> WidgetChat {
    WidgetChat { ticket_id, verified: verified != 0, read_up_to, no_agent: no_agent != 0 }
}

pub async fn insert_chat(
    conn: &mut AnyConnection,
    ticket_id: TicketId,
    token_hash: &str,
    verified: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO widget_chats (ticket_id, token_hash, verified, seen_at) VALUES ($1, $2, $3, $4)")
        .bind(ticket_id)
        .bind(token_hash.to_owned())
        .bind(i64::from(verified))
        .bind(chrono::Utc::now().timestamp_millis())
        .execute(conn)
        .await?;
    Ok(())
}

/// The chat a token speaks for.
pub async fn chat_of_token(conn: &mut AnyConnection, token_hash: &str) -> Result<Option<WidgetChat>, sqlx::Error> {
    let row: Option<Row> =
        sqlx::query_as("SELECT ticket_id, verified, read_up_to, no_agent FROM widget_chats WHERE token_hash = $1")
            .bind(token_hash.to_owned())
            .fetch_optional(conn)
            .await?;
    Ok(row.map(chat))
}

/// The widget chat of a ticket, if the widget started it.
pub async fn chat_of_ticket(conn: &mut AnyConnection, ticket_id: TicketId) -> Result<Option<WidgetChat>, sqlx::Error> {
    let row: Option<Row> =
        sqlx::query_as("SELECT ticket_id, verified, read_up_to, no_agent FROM widget_chats WHERE ticket_id = $1")
            .bind(ticket_id)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(chat))
}

/// Records that nobody accepted the chat in time; false when that was already recorded.
/// The chat's widget is connected now.
pub async fn seen(
    conn: &mut AnyConnection,
    ticket_id: TicketId,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE widget_chats SET seen_at = $1 WHERE ticket_id = $2")
        .bind(at.timestamp_millis())
        .bind(ticket_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// When the chat's widget was last connected (none: a chat from before this was kept).
pub async fn seen_at(
    conn: &mut AnyConnection,
    ticket_id: TicketId,
) -> Result<Option<chrono::DateTime<chrono::Utc>>, sqlx::Error> {
    let at: Option<Option<i64>> = sqlx::query_scalar("SELECT seen_at FROM widget_chats WHERE ticket_id = $1")
        .bind(ticket_id)
        .fetch_optional(conn)
        .await?;
    Ok(at.flatten().and_then(chrono::DateTime::from_timestamp_millis))
}

pub async fn mark_no_agent(conn: &mut AnyConnection, ticket_id: TicketId) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE widget_chats SET no_agent = 1 WHERE ticket_id = $1 AND no_agent = 0")
        .bind(ticket_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Moves the agent's read mark forward (never back); true when it moved.
pub async fn mark_read(conn: &mut AnyConnection, ticket_id: TicketId, up_to: MessageId) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE widget_chats SET read_up_to = $1 WHERE ticket_id = $2 AND (read_up_to IS NULL OR read_up_to < $1)",
    )
    .bind(up_to)
    .bind(ticket_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// The message stored for a widget message id, if it was sent before.
pub async fn receipt(
    conn: &mut AnyConnection,
    ticket_id: TicketId,
    client_id: &str,
) -> Result<Option<MessageId>, sqlx::Error> {
    sqlx::query_scalar("SELECT message_id FROM widget_receipts WHERE ticket_id = $1 AND client_id = $2")
        .bind(ticket_id)
        .bind(client_id.to_owned())
        .fetch_optional(conn)
        .await
}

pub async fn put_receipt(
    conn: &mut AnyConnection,
    ticket_id: TicketId,
    client_id: &str,
    message_id: MessageId,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO widget_receipts (ticket_id, client_id, message_id) VALUES ($1, $2, $3)")
        .bind(ticket_id)
        .bind(client_id.to_owned())
        .bind(message_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// One stored message.
pub async fn message(
    conn: &mut AnyConnection,
    id: MessageId,
) -> Result<Option<arbiter_contract::Message>, sqlx::Error> {
    super::rows::get(conn, "messages", id).await
}

/// A chat's messages after `after` (all without it), oldest first, as stored.
pub async fn messages_after(
    conn: &mut AnyConnection,
    ticket_id: TicketId,
    after: Option<MessageId>,
) -> Result<Vec<arbiter_contract::Message>, sqlx::Error> {
    super::rows::list(
        conn,
        "SELECT data FROM messages WHERE ticket_id = $1 AND id > $2 ORDER BY id",
        vec![ticket_id.into(), after.unwrap_or(0).into()],
    )
    .await
}

/// The customer with this exchange account id.
pub async fn customer_by_account(conn: &mut AnyConnection, account_id: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM customers WHERE account_id = $1")
        .bind(account_id.to_owned())
        .fetch_optional(conn)
        .await
}
