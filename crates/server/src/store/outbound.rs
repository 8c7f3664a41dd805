//! Email the desk sends, waiting for (or done with) the SMTP server: agents' replies (keyed by
//! their messages row), their messages in side conversations by email (keyed by their
//! side_messages row) and chat transcripts customers asked for (keyed by the chat's ticket),
//! in tables of the same shape.

use sqlx::{AnyConnection, Row};

/// Which of the desk's emails a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outbound {
    /// A reply to the customer (a `messages` row).
    Reply,
    /// A message in a side conversation by email (a `side_messages` row).
    Side,
    /// A chat's transcript to its customer (the chat's ticket).
    Transcript,
}

impl Outbound {
    const ALL: [Outbound; 3] = [Outbound::Reply, Outbound::Side, Outbound::Transcript];

    fn table(self) -> &'static str {
        match self {
            Outbound::Reply => "outbound_emails",
            Outbound::Side => "outbound_side_emails",
            Outbound::Transcript => "outbound_transcripts",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Outbound::Reply => "message_id",
            Outbound::Side => "side_message_id",
            Outbound::Transcript => "chat_id",
        }
    }
}

pub async fn queue(
    conn: &mut AnyConnection,
    kind: Outbound,
    id: i64,
    ticket_id: i64,
    mailbox: &str,
    at_ms: i64,
) -> Result<(), sqlx::Error> {
    let sql = format!(
        "INSERT INTO {} ({}, ticket_id, mailbox, state, attempts, next_at) VALUES ($1, $2, $3, 'queued', 0, $4)",
        kind.table(),
        kind.key()
    );
    sqlx::query(&sql).bind(id).bind(ticket_id).bind(mailbox).bind(at_ms).execute(conn).await?;
    Ok(())
}

/// Queues a chat's transcript unless it was asked for already; whether this queued it.
pub async fn queue_transcript(
    conn: &mut AnyConnection,
    ticket_id: i64,
    mailbox: &str,
    at_ms: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO outbound_transcripts (chat_id, ticket_id, mailbox, state, attempts, next_at)
         VALUES ($1, $2, $3, 'queued', 0, $4) ON CONFLICT (chat_id) DO NOTHING",
    )
    .bind(ticket_id)
    .bind(ticket_id)
    .bind(mailbox)
    .bind(at_ms)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// An email waiting to be sent: which, the mailbox it goes from, tries so far.
pub struct DueEmail {
    pub kind: Outbound,
    /// The messages row of a reply, the side_messages row of a side message.
    pub id: i64,
    pub mailbox: String,
    pub attempts: i64,
}

/// Emails due now, oldest first, replies and side messages alike. One a crash interrupted
/// mid-send is still `queued` and goes again with the same Message-ID (mail programs show
/// one email per Message-ID).
pub async fn due(conn: &mut AnyConnection, now_ms: i64, limit: i64) -> Result<Vec<DueEmail>, sqlx::Error> {
    let mut due = Vec::new();
    for kind in Outbound::ALL {
        let sql = format!(
            "SELECT {key}, mailbox, attempts, next_at FROM {table} \
             WHERE state = 'queued' AND next_at <= $1 ORDER BY next_at, {key} LIMIT $2",
            key = kind.key(),
            table = kind.table()
        );
        let rows = sqlx::query(&sql).bind(now_ms).bind(limit).fetch_all(&mut *conn).await?;
        for row in &rows {
            let email = DueEmail { kind, id: row.try_get(0)?, mailbox: row.try_get(1)?, attempts: row.try_get(2)? };
            due.push((row.try_get::<i64, _>(3)?, email));
        }
    }
    due.sort_by_key(|(next_at, email)| (*next_at, email.id));
    Ok(due.into_iter().take(limit as usize).map(|(_, email)| email).collect())
}

pub async fn update(
    conn: &mut AnyConnection,
    kind: Outbound,
    id: i64,
    state: &str,
    attempts: i64,
    next_at_ms: i64,
) -> Result<(), sqlx::Error> {
    let sql = format!("UPDATE {} SET state = $1, attempts = $2, next_at = $3 WHERE {} = $4", kind.table(), kind.key());
    sqlx::query(&sql).bind(state).bind(attempts).bind(next_at_ms).bind(id).execute(conn).await?;
    Ok(())
}

/// Takes a due email for one sender: pushes its next try `lease_ms` ahead so no other sender
/// (another task or server process) picks it meanwhile, and a sender that dies lets it come
/// due again. False when someone else took it first.
pub async fn claim(
    conn: &mut AnyConnection,
    kind: Outbound,
    id: i64,
    now_ms: i64,
    lease_ms: i64,
) -> Result<bool, sqlx::Error> {
    let sql = format!(
        "UPDATE {} SET next_at = $1 WHERE {} = $2 AND state = 'queued' AND next_at <= $3",
        kind.table(),
        kind.key()
    );
    let done = sqlx::query(&sql).bind(now_ms + lease_ms).bind(id).bind(now_ms).execute(conn).await?;
    Ok(done.rows_affected() == 1)
}
