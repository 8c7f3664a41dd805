//! `arbiter-mail-bench`: the mail room's figures for docs/PERFORMANCE.md, against the private
//! Postfix + Dovecot `scripts/bench-mail.sh` starts (it sets the `ARBITER_TEST_*` variables).
//!
//! - intake alone: raw messages of the test corpus's shapes parsed and stored, per second;
//! - through the real stack: a burst sent to Postfix, read over IMAP and stored, per second;
//! - latency: Postfix accepted a message → the message is in the API's change feed (what
//!   the desk's live stream and sync read), p50/p95 with IDLE;
//! - replies: the agent's reply accepted by the API → the email in the customer's mailbox
//!   (SMTP to Postfix, delivered to Dovecot, seen over IMAP), p50/p95;
//! - memory: the process's peak resident size before and after a 30 MB message.
//!
//! Printed, never asserted.

use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use arbiter_contract::{ChangePage, Entity};
use arbiter_server::domain::mail_intake::{self, SupportAddress};
use arbiter_server::generator::GeneratorOptions;
use arbiter_server::mailroom::{MailConfig, MailRoom};
use arbiter_server::{demo_database, Config, RunningServer};
use lettre::address::Envelope;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use serde_json::json;

const INTAKE: usize = 2_000;
const BURST: usize = 500;
const LATENCY_SAMPLES: usize = 50;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let var = |name: &str| std::env::var(name).with_context(|| format!("{name} is not set: run scripts/bench-mail.sh"));
    let imap_port: u16 = var("ARBITER_TEST_IMAP_PORT")?.parse()?;
    let smtp_port: u16 = var("ARBITER_TEST_SMTP_PORT")?.parse()?;
    let password = var("ARBITER_TEST_SUPPORT_PASSWORD")?;
    let run = std::process::id();
    let dir = tempfile::tempdir()?;
    let database = format!("sqlite://{}", dir.path().join("server.db").display());
    let options = GeneratorOptions { seed: 7, tickets: 2_000, now: chrono::Utc::now() };
    let db = demo_database(&database, &options).await?;
    let password_file = dir.path().join("imap-password");
    std::fs::write(&password_file, &password)?;
    let config = |address: &str| -> anyhow::Result<MailConfig> {
        Ok(serde_json::from_value(json!({"mailboxes": [{
            "address": address, "queue": "disputes",
            "imap": {"host": "127.0.0.1", "port": imap_port, "security": "plain", "username": address, "password_file": password_file},
            "smtp": {"host": "127.0.0.1", "port": smtp_port, "security": "plain"},
            "processed_folder": "Processed", "poll_seconds": 30
        }]}))?)
    };
    let live = format!("live-{run}@exchange.example");
    // The bench polls the feed every few milliseconds: no rate limit in its way.
    let server_config = Config {
        mail: Some(config(&live)?),
        rate_limit: arbiter_server::rate_limit::RateLimit { per_second: 1e6, burst: 1e6 },
        ..Config::default()
    };
    let server = RunningServer::start_with(db, "127.0.0.1:0".parse()?, &server_config).await?;
    let base = server.base_url();
    let address = SupportAddress {
        address: format!("bench-{run}@exchange.example"),
        queue: "disputes".into(),
        language: "en".into(),
    };

    // 1. The intake alone.
    let own = vec![address.address.clone()];
    let started = Instant::now();
    for i in 0..INTAKE {
        let raw = corpus_message(i, run, &address.address);
        mail_intake::receive(&server.state, &address, &own, raw).await?;
    }
    let intake_rate = INTAKE as f64 / started.elapsed().as_secs_f64();
    println!(
        "intake alone: {INTAKE} messages parsed and stored in {:.1} s: {intake_rate:.0} messages/s",
        started.elapsed().as_secs_f64()
    );

    // 2. A burst through Postfix, Dovecot and IMAP.
    let mailbox = format!("burst-{run}@exchange.example");
    let smtp = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1").port(smtp_port).build();
    for i in 0..BURST {
        send(&smtp, &mailbox, &corpus_message(INTAKE + i, run, &mailbox)).await?;
    }
    wait_delivered(imap_port, &mailbox, &password, BURST).await?;
    let mut cursor = head(&base).await?;
    let started = Instant::now();
    let room = MailRoom::spawn(server.state.clone(), &config(&mailbox)?);
    let mut seen = 0;
    while seen < BURST {
        let (count, next) = new_messages(&base, cursor).await?;
        seen += count;
        cursor = next;
        if started.elapsed() > Duration::from_secs(300) {
            bail!("only {seen} of {BURST} arrived");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let burst_rate = BURST as f64 / started.elapsed().as_secs_f64();
    println!(
        "through IMAP: {BURST} waiting messages read, parsed and stored in {:.1} s: {burst_rate:.0} messages/s",
        started.elapsed().as_secs_f64()
    );
    drop(room);

    // 3. Latency with IDLE: accepted by Postfix → in the change feed.
    let _room = MailRoom::spawn(server.state.clone(), &config(&live)?);
    tokio::time::sleep(Duration::from_secs(2)).await;
    let mut latencies = Vec::new();
    for i in 0..LATENCY_SAMPLES {
        let cursor = head(&base).await?;
        let raw = corpus_message(INTAKE + BURST + i, run, &live);
        send(&smtp, &live, &raw).await?;
        let accepted = Instant::now();
        loop {
            let (count, _) = new_messages(&base, cursor).await?;
            if count > 0 {
                break;
            }
            if accepted.elapsed() > Duration::from_secs(30) {
                bail!("message {i} never arrived");
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        latencies.push(accepted.elapsed().as_secs_f64() * 1000.0);
    }
    latencies.sort_by(f64::total_cmp);
    let at = |q: f64| latencies[((q * latencies.len() as f64).ceil() as usize).clamp(1, latencies.len()) - 1];
    println!(
        "Postfix accepted → in the change feed (IDLE), {LATENCY_SAMPLES} messages: p50 {:.0} ms, p95 {:.0} ms, max {:.0} ms",
        at(0.5),
        at(0.95),
        latencies.last().unwrap()
    );

    // 4. Replies: accepted by the API → in the customer's mailbox.
    let customer = format!("replies-{run}@example.com");
    let first = format!(
        "From: Reply Bench <{customer}>\r\nTo: {live}\r\nSubject: Waiting for answers\r\nMessage-ID: <replies-{run}@example.com>\r\n\r\nHello?\r\n"
    );
    let cursor = head(&base).await?;
    send(&smtp, &live, first.as_bytes()).await?;
    let ticket_id = loop {
        let page = changes(&base, cursor, 5000).await?;
        if let Some(id) = page.changes.iter().find_map(|c| match &c.entity {
            Entity::Message(m) => Some(m.ticket_id),
            _ => None,
        }) {
            break id;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let mut reply_latencies = Vec::new();
    for i in 0..LATENCY_SAMPLES {
        let before = inbox_count(imap_port, &customer, &password).await?;
        let started = Instant::now();
        let status = reqwest::Client::new()
            .post(format!("{base}/v1/tickets/{ticket_id}/replies"))
            .bearer_auth("demo-ava")
            .header("Idempotency-Key", format!("bench-reply-{run}-{i}"))
            .json(&json!({"body": format!("Answer {i}: we are on it.")}))
            .send()
            .await?
            .status();
        if !status.is_success() {
            bail!("the reply was refused: {status}");
        }
        while inbox_count(imap_port, &customer, &password).await? <= before {
            if started.elapsed() > Duration::from_secs(30) {
                bail!("reply {i} never reached the mailbox");
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        reply_latencies.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    reply_latencies.sort_by(f64::total_cmp);
    let at = |q: f64| {
        reply_latencies[((q * reply_latencies.len() as f64).ceil() as usize).clamp(1, reply_latencies.len()) - 1]
    };
    println!(
        "reply accepted by the API → in the customer's mailbox, {LATENCY_SAMPLES} replies: p50 {:.0} ms, p95 {:.0} ms, max {:.0} ms",
        at(0.5),
        at(0.95),
        reply_latencies.last().unwrap()
    );

    // 5. Memory with a 30 MB message.
    let big: Vec<u8> = (0..22 * 1024 * 1024u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let raw = format!(
        "From: Big Sender <big@example.com>\r\nTo: {live}\r\nSubject: Video of the call\r\nMessage-ID: <big-{run}@example.com>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nThe recording.\r\n--b\r\n\
         Content-Type: video/mp4; name=call.mp4\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--b--\r\n",
        base64_lines(&big)
    );
    let cursor = head(&base).await?;
    let size = raw.len();
    send(&smtp, &live, raw.as_bytes()).await?;
    drop(raw);
    drop(big);
    let accepted = Instant::now();
    // The peak from here on is the server's reading of the message, not the sender's copy.
    let before = resident_mb("VmRSS");
    std::fs::write("/proc/self/clear_refs", "5").context("resetting the peak resident size")?;
    while new_messages(&base, cursor).await?.0 == 0 {
        if accepted.elapsed() > Duration::from_secs(120) {
            bail!("the 30 MB message never arrived");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    println!(
        "a {:.1} MB message: in the feed {:.1} s after Postfix took it; resident {before} MB before, peak {} MB while it was read and stored",
        size as f64 / 1048576.0,
        accepted.elapsed().as_secs_f64(),
        resident_mb("VmHWM")
    );
    Ok(())
}

async fn send(smtp: &AsyncSmtpTransport<Tokio1Executor>, to: &str, raw: &[u8]) -> anyhow::Result<()> {
    let envelope = Envelope::new(Some("customer@example.com".parse()?), vec![to.parse()?])?;
    smtp.send_raw(&envelope, raw).await?;
    Ok(())
}

/// A page of the feed after `cursor`, as a supervisor who sees the disputes queue.
async fn changes(base: &str, cursor: i64, limit: u32) -> anyhow::Result<ChangePage> {
    Ok(reqwest::Client::new()
        .get(format!("{base}/v1/changes?after={cursor}&limit={limit}"))
        .bearer_auth("demo-marcus")
        .send()
        .await?
        .json()
        .await?)
}

/// The feed's head.
async fn head(base: &str) -> anyhow::Result<i64> {
    Ok(changes(base, 0, 1).await?.head)
}

/// Messages in the feed after `cursor`, and the cursor after them.
async fn new_messages(base: &str, cursor: i64) -> anyhow::Result<(usize, i64)> {
    let page = changes(base, cursor, 5000).await?;
    let count = page.changes.iter().filter(|c| matches!(c.entity, Entity::Message(_))).count();
    Ok((count, page.next_cursor.max(cursor)))
}

/// How many messages `mailbox`'s inbox holds.
async fn inbox_count(port: u16, mailbox: &str, password: &str) -> anyhow::Result<u32> {
    let tcp = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
    let mut client = async_imap::Client::new(tcp);
    client.read_response().await?;
    let mut session = client.login(mailbox, password).await.map_err(|(e, _)| e)?;
    let status = session.examine("INBOX").await?;
    session.logout().await.ok();
    Ok(status.exists)
}

/// Waits until Dovecot holds `count` messages for `mailbox`.
async fn wait_delivered(port: u16, mailbox: &str, password: &str, count: usize) -> anyhow::Result<()> {
    let started = Instant::now();
    loop {
        let tcp = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
        let mut client = async_imap::Client::new(tcp);
        client.read_response().await?;
        let mut session = client.login(mailbox, password).await.map_err(|(e, _)| e)?;
        let status = session.select("INBOX").await?;
        session.logout().await.ok();
        if status.exists as usize >= count {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(120) {
            bail!("Postfix delivered {} of {count}", status.exists);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The corpus's shapes in turn (charsets, inline images, forwards, Outlook, Gmail), each
/// with its own Message-ID and sender.
fn corpus_message(i: usize, run: u32, to: &str) -> Vec<u8> {
    const SHAPES: [&[u8]; 6] = [
        include_bytes!("../../mime/tests/corpus/ja-iso2022jp.eml"),
        include_bytes!("../../mime/tests/corpus/zh-gb18030-outlook.eml"),
        include_bytes!("../../mime/tests/corpus/ru-windows1251-reply.eml"),
        include_bytes!("../../mime/tests/corpus/en-applemail-inline-image.eml"),
        include_bytes!("../../mime/tests/corpus/en-gmail-forward.eml"),
        include_bytes!("../../mime/tests/corpus/ru-wrong-charset-label.eml"),
    ];
    let shape = SHAPES[i % SHAPES.len()];
    // Each message its own: a new Message-ID, sender and recipient. Bytes, not text: one
    // shape carries 8-bit Windows-1251 under a wrong label.
    let end = shape.windows(4).position(|w| w == b"\r\n\r\n").map_or(shape.len(), |p| p + 2);
    let mut out = Vec::with_capacity(shape.len() + 100);
    for line in shape[..end].split_inclusive(|&b| b == b'\n') {
        let lower = line.to_ascii_lowercase();
        if lower.starts_with(b"message-id:") {
            out.extend_from_slice(format!("Message-ID: <bench-{run}-{i}@example.com>\r\n").as_bytes());
        } else if lower.starts_with(b"from:") {
            out.extend_from_slice(format!("From: Customer {i} <customer{}@example.com>\r\n", i % 300).as_bytes());
        } else if lower.starts_with(b"to:") {
            out.extend_from_slice(format!("To: {to}\r\n").as_bytes());
        } else if !(lower.starts_with(b"in-reply-to:") || lower.starts_with(b"references:")) {
            out.extend_from_slice(line);
        }
    }
    out.extend_from_slice(&shape[end..]);
    out
}

/// Base64 in MIME's 76-character lines.
fn base64_lines(bytes: &[u8]) -> String {
    use base64::Engine as _;
    bytes.chunks(57).map(|line| base64::engine::general_purpose::STANDARD.encode(line) + "\r\n").collect()
}

/// The process's resident set (`VmRSS`) or its peak since the last reset (`VmHWM`), MB.
fn resident_mb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with(field)).and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}
