//! Agents' emails: replies to customers and messages in side conversations by email (a
//! forward to a bank and what follows). Each is queued with the message (same transaction, so
//! it is mailed if and only if it is stored, and its idempotency key makes it once), then sent
//! by the mail room's sender, which reports back here: sent (the server's queue id), retried
//! later (a 4xx answer, a timeout), or failed (a 5xx answer, a bounce).

use arbiter_contract::*;
use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};

use crate::db::Tx;
use crate::error::ApiFailure;
use crate::mailroom::MailConfig;
use crate::store::entities::{put_message, put_side_conversation, put_side_message};
use crate::store::mail::{self as store, Disposition, SeenEmail};
use crate::store::outbound::{self, Outbound};
use crate::store::{reads, Scope};

/// Tries before a reply the server keeps deferring is given up as failed.
pub const MAX_ATTEMPTS: i64 = 8;

/// Queues `message` (an agent's reply on an email ticket) to be mailed from the mailbox the
/// customer wrote to. The Message-ID comes from the request's idempotency key, so however
/// often the reply is retried or re-sent it is the same email to the customer's mail program.
pub async fn queue(
    tx: &mut Tx,
    mail: &MailConfig,
    ticket: &Ticket,
    message: &mut Message,
    key: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiFailure> {
    let wrote_to = store::mailbox_of_ticket(tx, ticket.id).await?;
    let Some(mailbox) = mail.sender(wrote_to.as_deref(), &ticket.queue) else { return Ok(()) };
    let customer = reads::customer(tx, ticket.customer_id).await?.ok_or_else(ApiFailure::internal)?;
    let message_id = own_message_id("reply", ticket.id, message.id, key, &mailbox.address);
    message.email = Some(EmailEnvelope {
        from: mailbox.address.to_lowercase(),
        to: vec![customer.email.clone()],
        cc: Vec::new(),
        message_id: format!("<{message_id}>"),
    });
    message.delivery = Some(Delivery { state: DeliveryState::Queued, detail: None, attempts: 0, updated_at: now });
    outbound::queue(
        tx,
        Outbound::Reply,
        message.id,
        ticket.id,
        &mailbox.address.to_lowercase(),
        now.timestamp_millis(),
    )
    .await?;
    store::record_email(
        tx,
        &SeenEmail {
            message_id: &message_id,
            mailbox: &mailbox.address.to_lowercase(),
            disposition: Disposition::Sent,
            ticket_id: Some(ticket.id),
            stored_message_id: Some(message.id),
            side_conversation_id: None,
            raw_sha256: None,
            at_ms: now.timestamp_millis(),
        },
    )
    .await?;
    Ok(())
}

/// Queues `message` (the desk's, in side conversation `side` by email) to be mailed to the
/// outside address from the ticket's mailbox, with a Message-ID fixed from the request's key.
pub async fn queue_side(
    tx: &mut Tx,
    mail: &MailConfig,
    ticket: &Ticket,
    side: &SideConversation,
    message: &mut SideMessage,
    key: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiFailure> {
    let wrote_to = store::mailbox_of_ticket(tx, ticket.id).await?;
    let Some(mailbox) = mail.sender(wrote_to.as_deref(), &ticket.queue) else { return Ok(()) };
    let address = mailbox.address.to_lowercase();
    let message_id = own_message_id("side", ticket.id, message.id, key, &address);
    message.delivery = Some(Delivery { state: DeliveryState::Queued, detail: None, attempts: 0, updated_at: now });
    outbound::queue(tx, Outbound::Side, message.id, ticket.id, &address, now.timestamp_millis()).await?;
    let seen = SeenEmail {
        message_id: &message_id,
        mailbox: &address,
        disposition: Disposition::SentSide,
        ticket_id: Some(ticket.id),
        stored_message_id: Some(message.id),
        side_conversation_id: Some(side.id),
        raw_sha256: None,
        at_ms: now.timestamp_millis(),
    };
    store::record_email(tx, &seen).await?;
    Ok(())
}

/// A Message-ID of the desk's: the same for every retry of one request (its key decides it).
fn own_message_id(what: &str, ticket_id: i64, id: i64, key: &str, mailbox: &str) -> String {
    let domain = mailbox.rsplit_once('@').map_or("arbiter.invalid", |(_, d)| d);
    let tag = hex::encode(&Sha256::digest(key.as_bytes())[..6]);
    format!("{what}-{ticket_id}-{id}.{tag}@{domain}")
}

/// What the SMTP server said to one try.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attempt {
    /// Taken; the server's queue id when it said one.
    Sent(Option<String>),
    /// Not now (4xx, a timeout, no connection): tried again later.
    Deferred(String),
    /// Refused for good (5xx), or the reply cannot be mailed at all.
    Refused(String),
}

/// What changed with a try, to announce to the desks.
pub enum Announce {
    Message(Message),
    Side(SideConversation, SideMessage),
}

/// Records a try's outcome on the outbound row and on the message's delivery. Returns what
/// to announce.
pub async fn record_attempt(
    tx: &mut Tx,
    kind: Outbound,
    id: i64,
    attempts: i64,
    attempt: &Attempt,
    now: DateTime<Utc>,
) -> Result<Option<Announce>, sqlx::Error> {
    let (state, detail, next_at) = match attempt {
        Attempt::Sent(queue_id) => (DeliveryState::Sent, queue_id.clone(), None),
        Attempt::Deferred(why) if attempts < MAX_ATTEMPTS => {
            (DeliveryState::Queued, Some(why.clone()), Some(now + backoff(attempts)))
        }
        Attempt::Deferred(why) => (DeliveryState::Failed, Some(format!("gave up after {attempts} tries: {why}")), None),
        Attempt::Refused(why) => (DeliveryState::Failed, Some(why.clone()), None),
    };
    let row_state = match state {
        DeliveryState::Queued => "queued",
        DeliveryState::Sent => "sent",
        DeliveryState::Failed => "failed",
    };
    let delivery = Delivery { state, detail, attempts, updated_at: now };
    let next_at_ms = next_at.map_or(0, |t| t.timestamp_millis());
    match kind {
        Outbound::Reply => {
            let Some(mut message) = store::message(tx, id).await? else { return Ok(None) };
            let Some(ticket) = reads::ticket(tx, message.ticket_id).await? else { return Ok(None) };
            outbound::update(tx, kind, id, row_state, attempts, next_at_ms).await?;
            message.delivery = Some(delivery);
            put_message(tx, &message, &Scope::of_ticket(&ticket)).await?;
            Ok(Some(Announce::Message(message)))
        }
        Outbound::Transcript => {
            // Only the mail room's row changes: the customer was told it is on its way.
            outbound::update(tx, kind, id, row_state, attempts, next_at_ms).await?;
            if state == DeliveryState::Failed {
                tracing::warn!(chat = id, detail = ?delivery.detail, "a chat transcript could not be mailed");
            }
            Ok(None)
        }
        Outbound::Side => {
            let Some(mut message) = store::side_message(tx, id).await? else { return Ok(None) };
            let Some(side) = reads::side_conversation(tx, message.side_conversation_id).await? else { return Ok(None) };
            let Some(ticket) = reads::ticket(tx, message.ticket_id).await? else { return Ok(None) };
            outbound::update(tx, kind, id, row_state, attempts, next_at_ms).await?;
            message.delivery = Some(delivery);
            let scope = Scope::of_ticket(&ticket);
            put_side_message(tx, &message, &scope).await?;
            let mut next = side;
            next.updated_at = now;
            next.version += 1;
            put_side_conversation(tx, &next, &scope).await?;
            Ok(Some(Announce::Side(next, message)))
        }
    }
}

/// A bounce for one of the desk's sends: the send failed after all.
pub async fn bounced(
    tx: &mut Tx,
    kind: Outbound,
    id: i64,
    why: &str,
    now: DateTime<Utc>,
) -> Result<Option<Announce>, sqlx::Error> {
    let delivery = match kind {
        Outbound::Reply => store::message(tx, id).await?.and_then(|m| m.delivery),
        Outbound::Side => store::side_message(tx, id).await?.and_then(|m| m.delivery),
        Outbound::Transcript => None,
    };
    let attempts = delivery.map_or(1, |d| d.attempts);
    record_attempt(tx, kind, id, attempts, &Attempt::Refused(format!("bounced: {why}")), now).await
}

/// 30 s, 1 min, 2 min … up to an hour between tries.
fn backoff(attempts: i64) -> Duration {
    Duration::seconds((30i64 << attempts.clamp(0, 7)).min(3_600))
}
