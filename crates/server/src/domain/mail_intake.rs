//! Inbound email becomes conversation: a reply joins its ticket, anything else opens one for
//! the customer who wrote (or a new, unverified customer record), and what no person wrote
//! (auto-replies, bounces, the desk's own mail) or was seen before never does. The raw
//! message is kept by its SHA-256 whatever happens, so nothing a parser missed is lost.
//!
//! Everything for one email happens in one write transaction whose first step is the
//! Message-ID check: the mail room marks a message read on the IMAP server only after this
//! commits, so a crash in between re-reads it, and the check drops the second copy.

use arbiter_contract::*;
use arbiter_mime::{InboundMail, MailKind, Mailbox};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::inbound::{add_customer_message, escalate_new_vip, AddedMessage};
use super::mail_outbound::{self, Announce};
use crate::db::Tx;
use crate::store::entities::put_customer;
use crate::store::files;
use crate::store::mail::{self as store, Disposition, Quarantined, SeenEmail};
use crate::store::outbound::Outbound;
use crate::store::{next_id, reads};
use crate::AppState;

/// A support address the desk reads, as the intake needs it.
#[derive(Debug, Clone)]
pub struct SupportAddress {
    /// Lower-case, e.g. `support@exchange.example`.
    pub address: String,
    /// The queue new conversations open in.
    pub queue: String,
    /// The language of a new conversation whose language cannot be told.
    pub language: String,
}

/// What became of one inbound email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intake {
    Opened {
        ticket_id: i64,
        message_id: i64,
    },
    Joined {
        ticket_id: i64,
        message_id: i64,
    },
    /// An outside party answered the desk's email in a side conversation (a forward).
    JoinedSide {
        ticket_id: i64,
        side_conversation_id: i64,
    },
    /// Its Message-ID was seen before (a re-delivery, or the same mail in two mailboxes).
    Duplicate,
    AutoReply,
    /// A delivery failure report; `ticket_id` is the ticket of the message that bounced.
    Bounce {
        ticket_id: Option<i64>,
    },
    /// Mail from one of the desk's own addresses: answering it would loop.
    Own,
    Quarantined {
        id: i64,
        reason: String,
    },
}

/// Takes one raw email that arrived at `mailbox`. `own` lists every address the desk sends
/// from. Parsing runs off the async threads (a 30 MB message takes a while).
pub async fn receive(
    state: &AppState,
    mailbox: &SupportAddress,
    own: &[String],
    raw: Vec<u8>,
) -> Result<Intake, sqlx::Error> {
    let raw_sha256 = hex::encode(Sha256::digest(&raw));
    if raw.len() > arbiter_mime::MAX_MESSAGE_BYTES {
        let message_id = arbiter_mime::message_id_of(&raw);
        let reason = format!(
            "the message is {} MB, over the {} MB the desk reads",
            raw.len() / (1024 * 1024),
            arbiter_mime::MAX_MESSAGE_BYTES / (1024 * 1024)
        );
        return quarantine(state, mailbox, &message_id, &raw, &raw_sha256, reason).await;
    }
    let (mail, raw) = tokio::task::spawn_blocking(move || (arbiter_mime::read(&raw), raw))
        .await
        .map_err(|e| sqlx::Error::Protocol(format!("reading the email failed: {e}")))?;
    let Some(from) = mail.from.clone() else {
        return quarantine(
            state,
            mailbox,
            &mail.message_id,
            &raw,
            &raw_sha256,
            "no sender address could be read".into(),
        )
        .await;
    };
    let now = Utc::now();
    let mut tx = state.db.begin_write().await?;
    if store::email_seen(&mut tx, &mail.message_id).await? {
        return Ok(Intake::Duplicate);
    }
    files::put_file(&mut tx, &raw_sha256, &raw).await?;
    let mut seen = SeenEmail {
        message_id: &mail.message_id,
        mailbox: &mailbox.address,
        disposition: Disposition::Own,
        ticket_id: None,
        stored_message_id: None,
        side_conversation_id: None,
        raw_sha256: Some(&raw_sha256),
        at_ms: now.timestamp_millis(),
    };
    let outcome = if own.contains(&from.address) {
        Intake::Own
    } else {
        match &mail.kind {
            MailKind::Bounce(bounce) => {
                let ids: Vec<String> = bounce.original_message_id.iter().cloned().collect();
                let ticket_id = store::ticket_of_emails(&mut tx, &ids).await?;
                seen.disposition = Disposition::Bounce;
                seen.ticket_id = ticket_id;
                // A bounce of one of the desk's emails: that send failed after all.
                if let (Some(original), false) = (&bounce.original_message_id, bounce.transient) {
                    let sent = match store::message_of_email(&mut tx, original).await? {
                        Some(id) => Some((Outbound::Reply, id)),
                        None => store::side_message_of_email(&mut tx, original).await?.map(|id| (Outbound::Side, id)),
                    };
                    if let Some((kind, id)) = sent {
                        let why = bounce
                            .diagnostic
                            .clone()
                            .or(bounce.status.clone())
                            .unwrap_or_else(|| "undeliverable".into());
                        if let Some(updated) = mail_outbound::bounced(&mut tx, kind, id, &why, now).await? {
                            store::record_email(&mut tx, &seen).await?;
                            tx.commit().await?;
                            announce(state, updated).await;
                            return Ok(Intake::Bounce { ticket_id });
                        }
                    }
                }
                Intake::Bounce { ticket_id }
            }
            MailKind::AutoReply { .. } => {
                seen.disposition = Disposition::AutoReply;
                Intake::AutoReply
            }
            MailKind::Ordinary => {
                // An answer to one of the desk's emails in a side conversation (a bank
                // answering a forward) joins that conversation, never the customer's thread.
                let mut ids = mail.references.clone();
                ids.extend(mail.in_reply_to.iter().cloned());
                if let Some(side_id) = store::side_conversation_of_emails(&mut tx, &ids).await? {
                    if let Some((side, message, scope)) =
                        super::forwards::outside_answer(&mut tx, side_id, &mail, &from, now).await?
                    {
                        seen.disposition = Disposition::JoinedSide;
                        seen.ticket_id = Some(message.ticket_id);
                        seen.stored_message_id = Some(message.id);
                        seen.side_conversation_id = Some(side.id);
                        store::record_email(&mut tx, &seen).await?;
                        tx.commit().await?;
                        let ticket_id = message.ticket_id;
                        state
                            .hub
                            .publish(StreamPayload::SideMessageCreated { conversation: side, message }, vec![scope]);
                        return Ok(Intake::JoinedSide { ticket_id, side_conversation_id: side_id });
                    }
                }
                let (added, before, opened) = converse(&mut tx, mailbox, &mail, &from, now).await?;
                for part in &mail.attachments {
                    files::put_file(&mut tx, &part.sha256, &part.bytes).await?;
                    store::link_file(&mut tx, &part.sha256, added.message.id, added.ticket.id).await?;
                }
                seen.disposition = if opened { Disposition::Opened } else { Disposition::Joined };
                seen.ticket_id = Some(added.ticket.id);
                seen.stored_message_id = Some(added.message.id);
                store::record_email(&mut tx, &seen).await?;
                tx.commit().await?;
                added.publish(state, &before);
                let (ticket_id, message_id) = (added.ticket.id, added.message.id);
                return Ok(if opened {
                    Intake::Opened { ticket_id, message_id }
                } else {
                    Intake::Joined { ticket_id, message_id }
                });
            }
        }
    };
    store::record_email(&mut tx, &seen).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// Joins the ticket the email answers, or opens one. Returns the stored message, the ticket
/// as it was before (for the typing indicator) and whether it was opened.
async fn converse(
    tx: &mut Tx,
    mailbox: &SupportAddress,
    mail: &InboundMail,
    from: &Mailbox,
    now: DateTime<Utc>,
) -> Result<(AddedMessage, Ticket, bool), sqlx::Error> {
    if let Some((ticket, customer)) = thread_of(tx, mail, from).await? {
        let message = message_of(next_id(tx, "messages").await?, &ticket, &customer, mail, now);
        let added = add_customer_message(tx, &ticket, &customer, message, now).await?;
        return Ok((added, ticket, false));
    }
    let customer = match store::customer_by_email(tx, &from.address).await? {
        Some(id) => reads::customer(tx, id).await?.ok_or_else(|| sqlx::Error::RowNotFound)?,
        None => {
            let customer = unverified_customer(next_id(tx, "customers").await?, from, mail, mailbox, now);
            put_customer(tx, &customer).await?;
            customer
        }
    };
    let policy = reads::policy(tx).await?;
    let vip = customer.vip_tier.is_vip();
    let mut tags = vec!["email".to_string()];
    if customer.account_id.starts_with(UNVERIFIED_ACCOUNT_PREFIX) {
        tags.push("unverified-sender".into());
    }
    let ticket = Ticket {
        id: next_id(tx, "tickets").await?,
        channel: Channel::Email,
        kind: TicketKind::Inquiry,
        subject: if mail.subject.trim().is_empty() { "(no subject)".into() } else { mail.subject.clone() },
        status: TicketStatus::New,
        priority: if vip { Priority::High } else { Priority::Normal },
        queue: mailbox.queue.clone(),
        assignee_id: None,
        customer_id: customer.id,
        language: mail.language.clone().unwrap_or_else(|| mailbox.language.clone()),
        tags,
        sla: arbiter_policy::sla::opened(&policy.sla, Channel::Email, vip, now),
        escalation_level: EscalationLevel::L0,
        case_id: None,
        topic: None,
        routed: None,
        csat: None,
        created_at: now,
        updated_at: now,
        solved_at: None,
        version: 1,
    };
    // Stored once, with its first message (add_customer_message writes the ticket).
    let message = message_of(next_id(tx, "messages").await?, &ticket, &customer, mail, now);
    let mut added = add_customer_message(tx, &ticket, &customer, message, now).await?;
    // A sensitive-language escalation (L2) already covers a VIP's first message.
    if added.escalation.is_none() {
        if let Some((escalated, escalation)) = escalate_new_vip(tx, &added.ticket, &customer).await? {
            added.ticket = escalated;
            added.escalation = Some(escalation);
        }
    }
    Ok((added, ticket, true))
}

/// The ticket an email answers: by the Message-IDs it replies to (the desk's sends and the
/// customer's earlier mail), else by the `[#N]` tag in its subject when the sender is that
/// ticket's customer (a number alone must not let anyone write into someone's ticket).
async fn thread_of(tx: &mut Tx, mail: &InboundMail, from: &Mailbox) -> Result<Option<(Ticket, Customer)>, sqlx::Error> {
    let mut ids = mail.references.clone();
    ids.extend(mail.in_reply_to.iter().cloned());
    let by_headers = store::ticket_of_emails(tx, &ids).await?;
    let by_subject = arbiter_mime::ticket_number_in_subject(&mail.subject);
    for (candidate, needs_sender) in [(by_headers, false), (by_subject, true)] {
        let Some(id) = candidate else { continue };
        let Some(ticket) = reads::ticket(tx, id).await? else { continue };
        if ticket.channel != Channel::Email {
            continue;
        }
        let Some(customer) = reads::customer(tx, ticket.customer_id).await? else { continue };
        if needs_sender && !customer.email.eq_ignore_ascii_case(&from.address) {
            continue;
        }
        return Ok(Some((ticket, customer)));
    }
    Ok(None)
}

/// Account ids of customers known only by the address they wrote from.
pub const UNVERIFIED_ACCOUNT_PREFIX: &str = "unverified:";

fn unverified_customer(
    id: i64,
    from: &Mailbox,
    mail: &InboundMail,
    mailbox: &SupportAddress,
    now: DateTime<Utc>,
) -> Customer {
    let name = from.name.clone().unwrap_or_else(|| from.address.split('@').next().unwrap_or(&from.address).to_string());
    Customer {
        id,
        account_id: format!("{UNVERIFIED_ACCOUNT_PREFIX}{}", from.address),
        name,
        legal_name: None,
        email: from.address.clone(),
        kyc_level: KycLevel::None,
        vip_tier: VipTier::None,
        language: mail.language.clone().unwrap_or_else(|| mailbox.language.clone()),
        // ISO 3166's code for an unknown country.
        country: "ZZ".into(),
        created_at: now,
        updated_at: now,
    }
}

fn message_of(id: i64, ticket: &Ticket, customer: &Customer, mail: &InboundMail, now: DateTime<Utc>) -> Message {
    Message {
        id,
        ticket_id: ticket.id,
        author_kind: AuthorKind::Customer,
        author_agent_id: None,
        author_name: mail.from.as_ref().and_then(|f| f.name.clone()).unwrap_or_else(|| customer.name.clone()),
        text: mail.text.clone(),
        html: mail.html.clone(),
        email: Some(EmailEnvelope {
            from: mail.from.as_ref().map(|f| f.address.clone()).unwrap_or_default(),
            to: mail.to.iter().map(|m| m.address.clone()).collect(),
            cc: mail.cc.iter().map(|m| m.address.clone()).collect(),
            message_id: format!("<{}>", mail.message_id),
        }),
        attachments: attachments_of(mail),
        mail_warnings: mail.warnings.clone(),
        delivery: None,
        created_at: now,
        client_ref: None,
    }
}

/// An email's files as a message lists them (their bytes go to the store by SHA-256).
pub(crate) fn attachments_of(mail: &InboundMail) -> Vec<Attachment> {
    mail.attachments
        .iter()
        .map(|p| Attachment {
            name: p.name.clone(),
            content_type: p.content_type.clone(),
            size_bytes: p.bytes.len() as i64,
            sha256: p.sha256.clone(),
            content_id: p.content_id.clone(),
        })
        .collect()
}

/// Keeps an email that cannot become a message, with why, for a supervisor.
async fn quarantine(
    state: &AppState,
    mailbox: &SupportAddress,
    message_id: &str,
    raw: &[u8],
    raw_sha256: &str,
    reason: String,
) -> Result<Intake, sqlx::Error> {
    let now = Utc::now();
    let mut tx = state.db.begin_write().await?;
    if store::email_seen(&mut tx, message_id).await? {
        return Ok(Intake::Duplicate);
    }
    files::put_file(&mut tx, raw_sha256, raw).await?;
    let id = store::quarantine(
        &mut tx,
        &Quarantined {
            mailbox: &mailbox.address,
            reason: &reason,
            raw_sha256,
            size_bytes: raw.len() as i64,
            at_ms: now.timestamp_millis(),
        },
    )
    .await?;
    let seen = SeenEmail {
        message_id,
        mailbox: &mailbox.address,
        disposition: Disposition::Quarantined,
        ticket_id: None,
        stored_message_id: None,
        side_conversation_id: None,
        raw_sha256: Some(raw_sha256),
        at_ms: now.timestamp_millis(),
    };
    store::record_email(&mut tx, &seen).await?;
    tx.commit().await?;
    tracing::warn!(mailbox = %mailbox.address, id, %reason, "inbound email quarantined");
    Ok(Intake::Quarantined { id, reason })
}

/// Tells the desks an email of theirs changed (its delivery).
pub(crate) async fn announce(state: &AppState, updated: Announce) {
    let Ok(mut conn) = state.db.pool.acquire().await else { return };
    let ticket_id = match &updated {
        Announce::Message(message) => message.ticket_id,
        Announce::Side(_, message) => message.ticket_id,
    };
    let Ok(Some(ticket)) = reads::ticket(&mut conn, ticket_id).await else { return };
    let scope = crate::store::Scope::of_ticket(&ticket);
    let payload = match updated {
        Announce::Message(message) => StreamPayload::MessageUpdated { message },
        Announce::Side(conversation, message) => StreamPayload::SideMessageUpdated { conversation, message },
    };
    state.hub.publish(payload, vec![scope]);
}
