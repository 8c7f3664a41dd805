//! The sender: agents' replies queued by `domain::mail_outbound` go out over SMTP as
//! multipart/alternative (the text and the HTML the server renders), from the agent's name
//! over the mailbox's address, with the Message-ID fixed when the reply was stored and
//! In-Reply-To/References to the customer's mail, so their mail program threads it. Each
//! try's outcome is recorded on the message (queued → sent with the server's queue id, or
//! failed with its words); 4xx answers and lost connections are tried again with backoff.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use arbiter_contract::Message;
use chrono::Utc;
use lettre::message::header::{ContentDisposition, ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use super::config::{MailConfig, MailboxConfig, Security};
use crate::domain::mail_intake::publish_message;
use crate::domain::mail_outbound::{record_attempt, Attempt};
use crate::store::mail::{self as store, DueEmail};
use crate::store::reads;
use crate::AppState;

/// How often the queue is looked at when it was empty.
const IDLE_WAIT: Duration = Duration::from_millis(200);
/// The longest one SMTP conversation may take.
const SEND_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a reply being sent is kept from other senders: longer than a send can take, so
/// two live senders never mail it together, and short, because a reply claimed by a server
/// that died is sent again only when this runs out.
const LEASE_MS: i64 = 45_000;

/// Sends queued replies until the task is aborted.
pub async fn run(state: AppState, config: Arc<MailConfig>) {
    loop {
        match send_due(&state, &config).await {
            Ok(0) => tokio::time::sleep(IDLE_WAIT).await,
            Ok(_) => {}
            Err(error) => {
                tracing::warn!(error = format!("{error:#}"), "sending replies failed");
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
        }
    }
}

async fn send_due(state: &AppState, config: &MailConfig) -> anyhow::Result<usize> {
    let due = {
        let mut conn = state.db.pool.acquire().await?;
        store::due_outbound(&mut conn, Utc::now().timestamp_millis(), 20).await?
    };
    for email in &due {
        {
            let mut tx = state.db.begin_write().await?;
            let claimed =
                store::claim_outbound(&mut tx, email.message_id, Utc::now().timestamp_millis(), LEASE_MS).await?;
            tx.commit().await?;
            if !claimed {
                continue;
            }
        }
        let attempt = match compose(state, config, email).await {
            Ok((mailbox, raw, envelope)) => send(mailbox, &raw, &envelope).await,
            Err(error) => Attempt::Refused(format!("{error:#}")),
        };
        super::imap::crash_window().await;
        let mut tx = state.db.begin_write().await?;
        let updated = record_attempt(&mut tx, email.message_id, email.attempts + 1, &attempt, Utc::now()).await?;
        tx.commit().await?;
        tracing::info!(message_id = email.message_id, attempt = ?attempt, "reply sent to the mail server");
        if let Some(message) = updated {
            publish_message(state, message).await;
        }
    }
    Ok(due.len())
}

/// The reply as an email: its bytes and envelope, and the mailbox it goes out from.
async fn compose<'a>(
    state: &AppState,
    config: &'a MailConfig,
    email: &DueEmail,
) -> anyhow::Result<(&'a MailboxConfig, Vec<u8>, lettre::address::Envelope)> {
    let mailbox = config
        .mailboxes
        .iter()
        .find(|m| m.address.eq_ignore_ascii_case(&email.mailbox) && m.smtp.is_some())
        .with_context(|| format!("{} no longer sends mail", email.mailbox))?;
    let mut conn = state.db.pool.acquire().await?;
    let message: Message = store::message(&mut conn, email.message_id).await?.context("the reply is gone")?;
    let ticket = reads::ticket(&mut conn, message.ticket_id).await?.context("the ticket is gone")?;
    let customer = reads::customer(&mut conn, ticket.customer_id).await?.context("the customer is gone")?;
    let envelope = message.email.as_ref().context("the reply has no envelope")?;
    let own_id = envelope.message_id.trim_matches(['<', '>']).to_string();
    // The thread so far: everything before this reply, the customer's newest as In-Reply-To.
    let thread: Vec<(String, String)> =
        store::email_ids_of_ticket(&mut conn, ticket.id).await?.into_iter().filter(|(id, _)| *id != own_id).collect();
    let in_reply_to = thread.iter().rev().find(|(_, d)| d != "sent").map(|(id, _)| id.clone());
    let references: Vec<String> = thread.iter().rev().take(20).rev().map(|(id, _)| format!("<{id}>")).collect();

    let from = Mailbox::new(Some(message.author_name.clone()), mailbox.address.parse()?);
    let to = Mailbox::new(Some(customer.name.clone()), customer.email.parse().context("the customer's address")?);
    let mut builder = lettre::Message::builder()
        .from(from)
        .to(to)
        .subject(if thread.is_empty() {
            // The desk writes first: no "Re:", nothing to answer.
            arbiter_mime::first_subject(&ticket.subject, ticket.id)
        } else {
            arbiter_mime::reply_subject(&ticket.subject, ticket.id)
        })
        .message_id(Some(format!("<{own_id}>")));
    if let Some(parent) = in_reply_to {
        builder = builder.in_reply_to(format!("<{parent}>"));
    }
    if !references.is_empty() {
        builder = builder.references(references.join(" "));
    }
    let html = message.html.clone().unwrap_or_else(|| crate::domain::text_to_email_html(&message.text));
    let body = MultiPart::alternative()
        .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(message.text.clone()))
        .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(html));
    let email = if message.attachments.is_empty() {
        builder.multipart(body)?
    } else {
        // The agent's files, as attachments beside the text (multipart/mixed).
        let mut mixed = MultiPart::mixed().multipart(body);
        for file in &message.attachments {
            let bytes =
                store::file(&mut conn, &file.sha256).await?.with_context(|| format!("{} is gone", file.name))?;
            let content_type =
                ContentType::parse(&file.content_type).unwrap_or(ContentType::parse("application/octet-stream")?);
            // Always base64: a file that happens to look like text must not have its line
            // endings rewritten on the way (a PDF is text up to its first binary stream).
            let body = lettre::message::Body::new_with_encoding(bytes, ContentTransferEncoding::Base64)
                .map_err(|_| anyhow::anyhow!("{} could not be encoded", file.name))?;
            mixed = mixed.singlepart(
                SinglePart::builder()
                    .header(content_type)
                    .header(ContentDisposition::attachment(&file.name))
                    .body(body),
            );
        }
        builder.multipart(mixed)?
    };
    Ok((mailbox, email.formatted(), email.envelope().clone()))
}

async fn send(mailbox: &MailboxConfig, raw: &[u8], envelope: &lettre::address::Envelope) -> Attempt {
    let transport = match transport(mailbox) {
        Ok(transport) => transport,
        Err(error) => return Attempt::Refused(format!("{error:#}")),
    };
    match tokio::time::timeout(SEND_TIMEOUT, transport.send_raw(envelope, raw)).await {
        Err(_) => Attempt::Deferred(format!("the mail server did not answer in {SEND_TIMEOUT:?}")),
        Ok(Ok(response)) => Attempt::Sent(queue_id(response.message())),
        Ok(Err(error)) if error.is_permanent() => Attempt::Refused(error.to_string()),
        Ok(Err(error)) => Attempt::Deferred(error.to_string()),
    }
}

/// `250 2.0.0 Ok: queued as 4F2C1A` → `4F2C1A`.
fn queue_id<'a>(lines: impl Iterator<Item = &'a str>) -> Option<String> {
    lines.filter_map(|line| line.split_once("queued as ").map(|(_, id)| id.trim().to_string())).next()
}

fn transport(mailbox: &MailboxConfig) -> anyhow::Result<AsyncSmtpTransport<Tokio1Executor>> {
    let smtp = mailbox.smtp.as_ref().context("no SMTP server")?;
    let builder = match smtp.security {
        Security::Plain => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host),
        Security::Tls => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
            .tls(Tls::Wrapper(TlsParameters::new(smtp.host.clone())?)),
        Security::Starttls => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
            .tls(Tls::Required(TlsParameters::new(smtp.host.clone())?)),
    };
    let builder = builder.port(smtp.port).timeout(Some(SEND_TIMEOUT));
    let builder = if smtp.password_env.is_some() || smtp.password_file.is_some() {
        builder.credentials(Credentials::new(smtp.username.clone(), smtp.password()?))
    } else {
        builder
    };
    Ok(builder.build())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_queue_id_is_read_from_the_answer() {
        assert_eq!(super::queue_id(["2.0.0 Ok: queued as 4F2C1A"].into_iter()).as_deref(), Some("4F2C1A"));
        assert_eq!(super::queue_id(["2.0.0 Ok"].into_iter()), None);
    }
}
