//! The sender: the desk's emails queued by `domain::mail_outbound` (replies, messages in
//! side conversations by email, and chat transcripts customers asked for) go out over SMTP as `compose` writes them, with the
//! Message-ID fixed when the message was stored. Each try's outcome is recorded on the
//! message (queued → sent with the server's queue id, or failed with its words); 4xx answers
//! and lost connections are tried again with backoff.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use chrono::Utc;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use super::compose;
use super::config::{MailConfig, MailboxConfig, Security};
use crate::domain::mail_intake::announce;
use crate::domain::mail_outbound::{record_attempt, Attempt};
use crate::store::outbound::{self, DueEmail, Outbound};
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
        outbound::due(&mut conn, Utc::now().timestamp_millis(), 20).await?
    };
    for email in &due {
        {
            let mut tx = state.db.begin_write().await?;
            let claimed =
                outbound::claim(&mut tx, email.kind, email.id, Utc::now().timestamp_millis(), LEASE_MS).await?;
            tx.commit().await?;
            if !claimed {
                continue;
            }
        }
        let attempt = match compose(state, config, email).await {
            Ok((mailbox, composed)) => send(mailbox, &composed.raw, &composed.envelope).await,
            Err(error) => Attempt::Refused(format!("{error:#}")),
        };
        super::imap::crash_window().await;
        let mut tx = state.db.begin_write().await?;
        let updated = record_attempt(&mut tx, email.kind, email.id, email.attempts + 1, &attempt, Utc::now()).await?;
        tx.commit().await?;
        tracing::info!(kind = ?email.kind, id = email.id, attempt = ?attempt, "email handed to the mail server");
        if let Some(updated) = updated {
            announce(state, updated).await;
        }
    }
    Ok(due.len())
}

/// The email as it goes out, and the mailbox it goes out from.
async fn compose<'a>(
    state: &AppState,
    config: &'a MailConfig,
    email: &DueEmail,
) -> anyhow::Result<(&'a MailboxConfig, compose::Composed)> {
    let mailbox = config
        .mailboxes
        .iter()
        .find(|m| m.address.eq_ignore_ascii_case(&email.mailbox) && m.smtp.is_some())
        .with_context(|| format!("{} no longer sends mail", email.mailbox))?;
    let mut conn = state.db.pool.acquire().await?;
    let composed = match email.kind {
        Outbound::Reply => compose::reply(&mut conn, &mailbox.address, email.id).await?,
        Outbound::Side => compose::side_message(&mut conn, &mailbox.address, email.id).await?,
        Outbound::Transcript => super::transcript::compose(&mut conn, &mailbox.address, email.id).await?,
    };
    Ok((mailbox, composed))
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
    let parameters = || -> anyhow::Result<TlsParameters> {
        let mut builder = TlsParameters::builder(smtp.host.clone());
        for cert in smtp.private_roots()? {
            builder =
                builder.add_root_certificate(lettre::transport::smtp::client::Certificate::from_der(cert.to_vec())?);
        }
        Ok(builder.build_rustls()?)
    };
    let builder = match smtp.security {
        Security::Plain => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host),
        Security::Tls => {
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host).tls(Tls::Wrapper(parameters()?))
        }
        Security::Starttls => {
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host).tls(Tls::Required(parameters()?))
        }
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
