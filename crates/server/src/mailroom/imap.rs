//! One support mailbox read over IMAP: connect (TLS, STARTTLS, or plain on loopback), take
//! every unseen message one at a time by UID with `BODY.PEEK[]` (peeking leaves it unseen; a
//! big one in pieces), hand it to the intake, and only once the intake has committed flag it
//! `\Seen` and move it to the processed folder. Then wait with IDLE where the server offers
//! it, else poll. Any error drops the connection and reconnects with backoff; what was not
//! marked is read again, and the intake's Message-ID check drops what was already stored.

use std::sync::Arc;
use std::time::Duration;

use anyhow::{anyhow, Context};
use async_imap::{Client, Session};
use futures::TryStreamExt;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

use super::config::{ImapConfig, MailboxConfig, Security};
use crate::domain::mail_intake::{self, Intake};
use crate::AppState;

/// Any byte stream IMAP can run over (TCP, or TLS over TCP).
pub trait Io: AsyncRead + AsyncWrite + Unpin + Send + std::fmt::Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + std::fmt::Debug> Io for T {}

type ImapSession = Session<Box<dyn Io>>;

/// No server answer for this long means the connection is gone.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(120);

/// Reads `mailbox` until the task is aborted.
pub async fn run(state: AppState, mailbox: MailboxConfig, own: Arc<[String]>) {
    let mut backoff = Duration::from_millis(500);
    loop {
        match read_forever(&state, &mailbox, &own, &mut backoff).await {
            Ok(()) => {}
            Err(error) => {
                tracing::warn!(mailbox = %mailbox.address, error = format!("{error:#}"), retry_in_ms = backoff.as_millis() as u64, "the mailbox connection failed");
            }
        }
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(60));
    }
}

async fn read_forever(
    state: &AppState,
    mailbox: &MailboxConfig,
    own: &[String],
    backoff: &mut Duration,
) -> anyhow::Result<()> {
    let mut session = connect(mailbox).await?;
    timed(session.select(&mailbox.folder)).await?.with_context(|| format!("selecting {}", mailbox.folder))?;
    let capabilities = timed(session.capabilities()).await??;
    let idle = capabilities.has_str("IDLE");
    let can_move = capabilities.has_str("MOVE");
    if let Some(folder) = &mailbox.processed_folder {
        // Made on first use; "already exists" is the usual answer and fine.
        let _ = timed(session.create(folder)).await?;
    }
    tracing::info!(mailbox = %mailbox.address, idle, "reading the mailbox");
    let wait = Duration::from_secs(mailbox.poll_seconds.max(1));
    loop {
        // What the server said between commands is only of use about this pass.
        while session.unsolicited_responses.try_recv().is_ok() {}
        let taken = drain(state, mailbox, own, &mut session, can_move).await?;
        *backoff = Duration::from_millis(500);
        // Mail that arrived while this pass flagged and moved was announced (EXISTS) on those
        // commands, not to the IDLE that follows, which would wait for newer mail: go round.
        if taken > 0 && new_mail_announced(&session) {
            continue;
        }
        if idle {
            let mut handle = session.idle();
            timed(handle.init()).await??;
            let (changed, _stop) = handle.wait_with_timeout(wait);
            changed.await?;
            session = timed(handle.done()).await??;
        } else {
            tokio::time::sleep(wait).await;
            timed(session.noop()).await??;
        }
    }
}

/// Whether the server announced new mail since the channel was last emptied.
fn new_mail_announced(session: &ImapSession) -> bool {
    let mut announced = false;
    while let Ok(response) = session.unsolicited_responses.try_recv() {
        announced |= matches!(
            response,
            async_imap::types::UnsolicitedResponse::Exists(_) | async_imap::types::UnsolicitedResponse::Recent(_)
        );
    }
    announced
}

/// Takes in every unseen message, oldest first; returns how many it took.
async fn drain(
    state: &AppState,
    mailbox: &MailboxConfig,
    own: &[String],
    session: &mut ImapSession,
    can_move: bool,
) -> anyhow::Result<usize> {
    let mut uids: Vec<u32> = timed(session.uid_search("UNSEEN")).await??.into_iter().collect();
    uids.sort_unstable();
    let address = mailbox.support_address();
    let taken = uids.len();
    for uid in uids {
        // One message at a time: memory stays flat with a 30 MB message in the box.
        let Some(raw) = fetch(session, uid).await? else { continue };
        let size = raw.len();
        let started = std::time::Instant::now();
        crash_window().await;
        let outcome = mail_intake::receive(state, &address, own, raw).await.context("storing an inbound email")?;
        log(mailbox, uid, size, started.elapsed(), &outcome);
        crash_window().await;
        mark_processed(session, uid, mailbox.processed_folder.as_deref(), can_move).await?;
    }
    Ok(taken)
}

/// The crash tests' knob: `ARBITER_MAIL_CRASH_WINDOW_MS` holds each message this long after
/// it is fetched and again after it is stored (and each reply after the SMTP server took it,
/// before that is recorded), so a kill lands in the windows where a crash must lose and
/// double nothing. Unset (always, outside those tests), no wait.
pub(crate) async fn crash_window() {
    static WINDOW: std::sync::OnceLock<Option<Duration>> = std::sync::OnceLock::new();
    let window = WINDOW.get_or_init(|| {
        std::env::var("ARBITER_MAIL_CRASH_WINDOW_MS").ok().and_then(|ms| ms.parse().ok()).map(Duration::from_millis)
    });
    if let Some(window) = window {
        tokio::time::sleep(*window).await;
    }
}

/// A big message is fetched in pieces of this size into one buffer of its size: a single
/// `BODY[]` would sit in the IMAP reader's buffer and in the copy taken out of it at once.
const FETCH_PIECE_BYTES: u32 = 4 * 1024 * 1024;

/// The raw message `uid`, or `None` when it is gone (another client moved it meanwhile).
async fn fetch(session: &mut ImapSession, uid: u32) -> anyhow::Result<Option<Vec<u8>>> {
    let Some(size) = fetch_one(session, uid, "(UID RFC822.SIZE)", |f| f.size).await? else { return Ok(None) };
    if size <= FETCH_PIECE_BYTES {
        return fetch_one(session, uid, "(UID BODY.PEEK[])", |f| f.body().map(<[u8]>::to_vec)).await;
    }
    let mut raw = Vec::with_capacity(size as usize);
    loop {
        let query = format!("(UID BODY.PEEK[]<{}.{FETCH_PIECE_BYTES}>)", raw.len());
        let piece = fetch_one(session, uid, &query, |f| f.body().map(<[u8]>::to_vec)).await?;
        let piece = match piece {
            Some(piece) => piece,
            // Past the end some servers answer NIL; before it, the message is gone.
            None if raw.len() >= size as usize => return Ok(Some(raw)),
            None => return Ok(None),
        };
        raw.extend_from_slice(&piece);
        // A short piece is the end (the announced size is not trusted to stop early).
        if piece.len() < FETCH_PIECE_BYTES as usize {
            return Ok(Some(raw));
        }
    }
}

/// One `UID FETCH` of `uid`, and what `take` finds in its answer.
async fn fetch_one<T>(
    session: &mut ImapSession,
    uid: u32,
    query: &str,
    take: impl Fn(&async_imap::types::Fetch) -> Option<T>,
) -> anyhow::Result<Option<T>> {
    let fetches: Vec<_> =
        timed(async { session.uid_fetch(uid.to_string(), query).await?.try_collect().await }).await??;
    Ok(fetches.iter().filter(|f| f.uid == Some(uid)).find_map(take))
}

/// Marks a stored message read, and moves it out of the way if a folder is set.
async fn mark_processed(
    session: &mut ImapSession,
    uid: u32,
    folder: Option<&str>,
    can_move: bool,
) -> anyhow::Result<()> {
    let set = uid.to_string();
    let _: Vec<_> = timed(async { session.uid_store(&set, "+FLAGS (\\Seen)").await?.try_collect().await }).await??;
    let Some(folder) = folder else { return Ok(()) };
    if can_move {
        timed(session.uid_mv(&set, folder)).await??;
    } else {
        timed(session.uid_copy(&set, folder)).await??;
        let _: Vec<_> =
            timed(async { session.uid_store(&set, "+FLAGS (\\Deleted)").await?.try_collect().await }).await??;
        let _: Vec<_> = timed(async { session.uid_expunge(&set).await?.try_collect().await }).await??;
    }
    Ok(())
}

fn log(mailbox: &MailboxConfig, uid: u32, size: usize, took: Duration, outcome: &Intake) {
    let took_ms = took.as_millis() as u64;
    match outcome {
        Intake::Opened { ticket_id, .. } => {
            tracing::info!(mailbox = %mailbox.address, uid, size, took_ms, ticket_id, "email opened a ticket")
        }
        Intake::Joined { ticket_id, .. } => {
            tracing::info!(mailbox = %mailbox.address, uid, size, took_ms, ticket_id, "email joined its ticket")
        }
        Intake::JoinedSide { ticket_id, side_conversation_id } => tracing::info!(
            mailbox = %mailbox.address, uid, size, took_ms, ticket_id, side_conversation_id,
            "email answered a side conversation"
        ),
        other => tracing::info!(mailbox = %mailbox.address, uid, size, took_ms, outcome = ?other, "email not taken in"),
    }
}

async fn connect(mailbox: &MailboxConfig) -> anyhow::Result<ImapSession> {
    let imap = &mailbox.imap;
    let tcp = timed(TcpStream::connect((imap.host.as_str(), imap.port)))
        .await?
        .with_context(|| format!("connecting to {}:{}", imap.host, imap.port))?;
    tcp.set_nodelay(true)?;
    let client: Client<Box<dyn Io>> = match imap.security {
        Security::Plain => greeted(Box::new(tcp)).await?,
        Security::Tls => greeted(Box::new(tls(imap, tcp).await?)).await?,
        Security::Starttls => {
            let mut plain = Client::new(tcp);
            timed(plain.read_response()).await??.ok_or_else(|| anyhow!("the server closed before greeting"))?;
            timed(plain.run_command_and_check_ok("STARTTLS", None)).await??;
            Client::new(Box::new(tls(imap, plain.into_inner()).await?) as Box<dyn Io>)
        }
    };
    let password = mailbox.password()?;
    let session = timed(client.login(&imap.username, password))
        .await?
        .map_err(|(error, _)| anyhow!("logging in as {}: {error}", imap.username))?;
    Ok(session)
}

async fn greeted(stream: Box<dyn Io>) -> anyhow::Result<Client<Box<dyn Io>>> {
    let mut client = Client::new(stream);
    timed(client.read_response()).await??.ok_or_else(|| anyhow!("the server closed before greeting"))?;
    Ok(client)
}

async fn tls(imap: &ImapConfig, tcp: TcpStream) -> anyhow::Result<tokio_rustls::client::TlsStream<TcpStream>> {
    let host = imap.host.as_str();
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    for cert in imap.private_roots()? {
        roots.add(cert).context("the ca_file's certificate")?;
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    let name = rustls::pki_types::ServerName::try_from(host.to_string())?;
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    Ok(timed(connector.connect(name, tcp)).await??)
}

async fn timed<F: std::future::Future>(future: F) -> anyhow::Result<F::Output> {
    tokio::time::timeout(COMMAND_TIMEOUT, future)
        .await
        .map_err(|_| anyhow!("the IMAP server did not answer in {COMMAND_TIMEOUT:?}"))
}
