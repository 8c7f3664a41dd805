//! The mail quarantine as supervisors see it: each email the intake could not take in, with
//! why, who sent it and its subject (read from its headers only), and the original to
//! download. A supervisor sees the mailboxes feeding their teams' queues, and any mailbox the
//! server no longer reads (so nothing kept is out of everyone's sight).

use arbiter_contract::*;
use chrono::{TimeZone, Utc};
use sqlx::AnyConnection;

use super::input;
use crate::auth::Caller;
use crate::error::ApiFailure;
use crate::mailroom::MailConfig;
use crate::store::files::{self, StoredFile};
use crate::store::mail::{self as store, QuarantineRow};

pub const PAGE_DEFAULT: u32 = 50;
pub const PAGE_MAX: u32 = 200;
/// How much of a quarantined email is read for its sender and subject.
const HEADERS_MAX_BYTES: i64 = 256 * 1024;

/// The quarantine the caller sees, newest first.
pub async fn list(
    conn: &mut AnyConnection,
    caller: &Caller,
    mail: Option<&MailConfig>,
    query: &QuarantineQuery,
) -> Result<Vec<QuarantinedMail>, ApiFailure> {
    let limit = input::page_size(query.limit, PAGE_DEFAULT, PAGE_MAX)?;
    let before = query.before.unwrap_or(i64::MAX);
    let rows = store::quarantined(conn, before, &hidden_from(caller, mail), i64::from(limit)).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let head = files::file_head(conn, &row.raw_sha256, HEADERS_MAX_BYTES).await?.unwrap_or_default();
        let (from, subject) = arbiter_mime::sender_and_subject(&head);
        let queue = mail.and_then(|m| queue_of(m, &row.mailbox));
        out.push(QuarantinedMail {
            id: row.id,
            queue,
            reason: row.reason,
            size_bytes: row.size_bytes,
            received_at: Utc.timestamp_millis_opt(row.received_at_ms).single().unwrap_or_default(),
            from,
            subject,
            mailbox: row.mailbox,
        });
    }
    Ok(out)
}

/// The stored original of quarantined email `id` (its SHA-256 and size), if the caller sees it.
pub async fn original(
    conn: &mut AnyConnection,
    caller: &Caller,
    mail: Option<&MailConfig>,
    id: i64,
) -> Result<(String, StoredFile), ApiFailure> {
    let not_found = || ApiFailure::not_found(format!("quarantined email {id} does not exist"));
    let row: QuarantineRow = store::quarantined_one(conn, id).await?.ok_or_else(not_found)?;
    if hidden_from(caller, mail).contains(&row.mailbox) {
        return Err(not_found());
    }
    let stored = files::stored(conn, &row.raw_sha256).await?.ok_or_else(not_found)?;
    Ok((row.raw_sha256, stored))
}

/// Mailboxes feeding queues of teams the caller does not lead.
fn hidden_from(caller: &Caller, mail: Option<&MailConfig>) -> Vec<String> {
    let Some(mail) = mail else { return Vec::new() };
    mail.mailboxes.iter().filter(|m| !caller.vis.teams.contains(&m.queue)).map(|m| m.address.to_lowercase()).collect()
}

fn queue_of(mail: &MailConfig, mailbox: &str) -> Option<String> {
    mail.mailboxes.iter().find(|m| m.address.eq_ignore_ascii_case(mailbox)).map(|m| m.queue.clone())
}
