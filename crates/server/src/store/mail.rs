//! Email's own records: the Message-IDs seen and sent (threading and duplicates), files by
//! their SHA-256, which messages carry them, and the quarantine.

use sqlx::{AnyConnection, Row};

/// What became of one Message-ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    /// It opened a ticket.
    Opened,
    /// It joined an existing ticket.
    Joined,
    AutoReply,
    Bounce,
    /// Mail from one of the desk's own addresses (a loop).
    Own,
    Quarantined,
    /// The desk sent it.
    Sent,
    /// The desk sent it in a side conversation by email (`side_conversation_id`).
    SentSide,
    /// The outside party's answer in a side conversation by email.
    JoinedSide,
}

impl Disposition {
    fn as_str(self) -> &'static str {
        match self {
            Disposition::Opened => "opened",
            Disposition::Joined => "joined",
            Disposition::AutoReply => "auto_reply",
            Disposition::Bounce => "bounce",
            Disposition::Own => "own",
            Disposition::Quarantined => "quarantined",
            Disposition::Sent => "sent",
            Disposition::SentSide => "sent_side",
            Disposition::JoinedSide => "joined_side",
        }
    }
}

/// A Message-ID's record.
pub struct SeenEmail<'a> {
    pub message_id: &'a str,
    pub mailbox: &'a str,
    pub disposition: Disposition,
    pub ticket_id: Option<i64>,
    /// The messages row it became, or for a side conversation's email the side_messages row.
    pub stored_message_id: Option<i64>,
    pub side_conversation_id: Option<i64>,
    pub raw_sha256: Option<&'a str>,
    pub at_ms: i64,
}

pub async fn record_email(conn: &mut AnyConnection, seen: &SeenEmail<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO email_messages (message_id, mailbox, disposition, ticket_id, stored_message_id, raw_sha256, \
         received_at, side_conversation_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(seen.message_id)
    .bind(seen.mailbox)
    .bind(seen.disposition.as_str())
    .bind(seen.ticket_id)
    .bind(seen.stored_message_id)
    .bind(seen.raw_sha256)
    .bind(seen.at_ms)
    .bind(seen.side_conversation_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether this Message-ID was seen (or sent) before.
pub async fn email_seen(conn: &mut AnyConnection, message_id: &str) -> Result<bool, sqlx::Error> {
    let found: Option<String> = sqlx::query_scalar("SELECT message_id FROM email_messages WHERE message_id = $1")
        .bind(message_id)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

/// The ticket the newest of these Message-IDs belongs to, if any does.
pub async fn ticket_of_emails(conn: &mut AnyConnection, message_ids: &[String]) -> Result<Option<i64>, sqlx::Error> {
    // The References header lists oldest first; the newest known one decides.
    for id in message_ids.iter().rev() {
        let ticket: Option<Option<i64>> =
            sqlx::query_scalar("SELECT ticket_id FROM email_messages WHERE message_id = $1")
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
        if let Some(Some(ticket)) = ticket {
            return Ok(Some(ticket));
        }
    }
    Ok(None)
}

/// The side conversation by email the newest of these Message-IDs belongs to, if any does.
pub async fn side_conversation_of_emails(
    conn: &mut AnyConnection,
    message_ids: &[String],
) -> Result<Option<i64>, sqlx::Error> {
    for id in message_ids.iter().rev() {
        let side: Option<Option<i64>> =
            sqlx::query_scalar("SELECT side_conversation_id FROM email_messages WHERE message_id = $1")
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
        if let Some(Some(side)) = side {
            return Ok(Some(side));
        }
    }
    Ok(None)
}

/// The Message-IDs of a side conversation's emails, both ways, oldest first, with whether
/// the outside party sent each.
pub async fn email_ids_of_side_conversation(
    conn: &mut AnyConnection,
    side_conversation_id: i64,
) -> Result<Vec<(String, bool)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT message_id, disposition FROM email_messages WHERE side_conversation_id = $1 \
         ORDER BY received_at, message_id",
    )
    .bind(side_conversation_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get::<String, _>(1)? == Disposition::JoinedSide.as_str()))).collect()
}

/// The side message a Message-ID the desk sent in a side conversation became.
pub async fn side_message_of_email(conn: &mut AnyConnection, message_id: &str) -> Result<Option<i64>, sqlx::Error> {
    let found: Option<Option<i64>> = sqlx::query_scalar(
        "SELECT stored_message_id FROM email_messages WHERE message_id = $1 AND disposition = 'sent_side'",
    )
    .bind(message_id)
    .fetch_optional(conn)
    .await?;
    Ok(found.flatten())
}

/// Records that a message carries a file.
pub async fn link_file(
    conn: &mut AnyConnection,
    sha256: &str,
    message_id: i64,
    ticket_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO message_files (sha256, message_id, ticket_id) VALUES ($1, $2, $3) \
         ON CONFLICT (sha256, message_id) DO NOTHING",
    )
    .bind(sha256)
    .bind(message_id)
    .bind(ticket_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// The tickets whose messages, notes or side messages carry a file.
pub async fn tickets_with_file(conn: &mut AnyConnection, sha256: &str) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT ticket_id FROM message_files WHERE sha256 = $1 UNION SELECT ticket_id FROM note_files WHERE sha256 = $1 \
         UNION SELECT ticket_id FROM side_message_files WHERE sha256 = $1",
    )
    .bind(sha256)
        .fetch_all(conn)
        .await
}

pub struct Quarantined<'a> {
    pub mailbox: &'a str,
    pub reason: &'a str,
    pub raw_sha256: &'a str,
    pub size_bytes: i64,
    pub at_ms: i64,
}

pub async fn quarantine(conn: &mut AnyConnection, q: &Quarantined<'_>) -> Result<i64, sqlx::Error> {
    let id: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM mail_quarantine").fetch_one(&mut *conn).await?;
    sqlx::query(
        "INSERT INTO mail_quarantine (id, mailbox, reason, raw_sha256, size_bytes, received_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(q.mailbox)
    .bind(q.reason)
    .bind(q.raw_sha256)
    .bind(q.size_bytes)
    .bind(q.at_ms)
    .execute(conn)
    .await?;
    Ok(id)
}

/// One quarantined email as stored.
pub struct QuarantineRow {
    pub id: i64,
    pub mailbox: String,
    pub reason: String,
    pub raw_sha256: String,
    pub size_bytes: i64,
    pub received_at_ms: i64,
}

const QUARANTINE_COLUMNS: &str = "id, mailbox, reason, raw_sha256, size_bytes, received_at";

fn quarantine_row(r: &sqlx::any::AnyRow) -> Result<QuarantineRow, sqlx::Error> {
    Ok(QuarantineRow {
        id: r.try_get(0)?,
        mailbox: r.try_get(1)?,
        reason: r.try_get(2)?,
        raw_sha256: r.try_get(3)?,
        size_bytes: r.try_get(4)?,
        received_at_ms: r.try_get(5)?,
    })
}

/// The quarantine, newest first, below `before`, leaving out the mailboxes in `hidden`.
pub async fn quarantined(
    conn: &mut AnyConnection,
    before: i64,
    hidden: &[String],
    limit: i64,
) -> Result<Vec<QuarantineRow>, sqlx::Error> {
    let not_hidden = if hidden.is_empty() {
        String::new()
    } else {
        format!(" AND mailbox NOT IN ({})", super::rows::params(1, hidden.len()))
    };
    let sql = format!(
        "SELECT {QUARANTINE_COLUMNS} FROM mail_quarantine WHERE id < $1{not_hidden} ORDER BY id DESC LIMIT ${}",
        hidden.len() + 2
    );
    let mut query = sqlx::query(&sql).bind(before);
    for mailbox in hidden {
        query = query.bind(mailbox);
    }
    let rows = query.bind(limit).fetch_all(conn).await?;
    rows.iter().map(quarantine_row).collect()
}

pub async fn quarantined_one(conn: &mut AnyConnection, id: i64) -> Result<Option<QuarantineRow>, sqlx::Error> {
    let sql = format!("SELECT {QUARANTINE_COLUMNS} FROM mail_quarantine WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(conn).await?;
    row.as_ref().map(quarantine_row).transpose()
}

/// The customer who writes from this address (the oldest account, if several share it).
pub async fn customer_by_email(conn: &mut AnyConnection, email: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM customers WHERE email = $1 ORDER BY id LIMIT 1")
        .bind(email.to_lowercase())
        .fetch_optional(conn)
        .await
}

/// The support address the ticket's customer last wrote to.
pub async fn mailbox_of_ticket(conn: &mut AnyConnection, ticket_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT mailbox FROM email_messages WHERE ticket_id = $1 AND disposition IN ('opened', 'joined') \
         ORDER BY received_at DESC LIMIT 1",
    )
    .bind(ticket_id)
    .fetch_optional(conn)
    .await
}

/// The Message-IDs of a ticket's emails, both ways, oldest first (for References).
pub async fn email_ids_of_ticket(
    conn: &mut AnyConnection,
    ticket_id: i64,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT message_id, disposition FROM email_messages WHERE ticket_id = $1 \
         AND disposition IN ('opened', 'joined', 'sent') ORDER BY received_at, message_id",
    )
    .bind(ticket_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect()
}

/// The message a sent Message-ID became.
pub async fn message_of_email(conn: &mut AnyConnection, message_id: &str) -> Result<Option<i64>, sqlx::Error> {
    let found: Option<Option<i64>> = sqlx::query_scalar(
        "SELECT stored_message_id FROM email_messages WHERE message_id = $1 AND disposition = 'sent'",
    )
    .bind(message_id)
    .fetch_optional(conn)
    .await?;
    Ok(found.flatten())
}

pub async fn message(conn: &mut AnyConnection, id: i64) -> Result<Option<arbiter_contract::Message>, sqlx::Error> {
    let data: Option<String> =
        sqlx::query_scalar("SELECT data FROM messages WHERE id = $1").bind(id).fetch_optional(conn).await?;
    data.map(|d| super::rows::from_json(&d)).transpose()
}

pub async fn side_message(
    conn: &mut AnyConnection,
    id: i64,
) -> Result<Option<arbiter_contract::SideMessage>, sqlx::Error> {
    let data: Option<String> =
        sqlx::query_scalar("SELECT data FROM side_messages WHERE id = $1").bind(id).fetch_optional(conn).await?;
    data.map(|d| super::rows::from_json(&d)).transpose()
}

/// The Message-ID the desk gave its email for a side message.
pub async fn side_email_id(conn: &mut AnyConnection, side_message_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT message_id FROM email_messages WHERE stored_message_id = $1 AND disposition = 'sent_side'",
    )
    .bind(side_message_id)
    .fetch_optional(conn)
    .await
}

/// The tickets whose customer-visible messages carry a file (not notes or side messages).
pub async fn tickets_of_message_file(conn: &mut AnyConnection, sha256: &str) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT DISTINCT ticket_id FROM message_files WHERE sha256 = $1")
        .bind(sha256)
        .fetch_all(conn)
        .await
}
