//! `arbiter-chat-load`: the live chat under load, on loopback. The server runs as a child
//! process (its memory measured alone) with 500 more agents online; then 1,000 customers
//! start chats and keep their widget's event stream open (the server's memory per open
//! widget); new chats are placed by the router (the offer's time minus the chat's, as the
//! server stamped them); and customers write and an agent answers in 100 of the chats
//! (customer → the agent's live stream, agent → the customer's widget stream, each from the
//! request's start). Prints a table for docs/PERFORMANCE.md; never asserts.
//!
//! cargo run --release -p arbiter-server --bin arbiter-chat-load -- --chats 1000

use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use arbiter_contract::widget::{ChatSession, WidgetEvent};
use arbiter_contract::*;
use arbiter_server::store::entities::{insert_token, put_agent};
use arbiter_server::Db;
use clap::Parser;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::sync::Mutex;

#[derive(Parser)]
#[command(about = "Load-test the chat widget's side of the reference server")]
struct Args {
    /// Customers with a chat and an open widget stream at once.
    #[arg(long, default_value_t = 1_000)]
    chats: usize,
    /// Agents added to the demo staff, all online.
    #[arg(long, default_value_t = 500)]
    agents: usize,
    /// Messages each way for the latency figures.
    #[arg(long, default_value_t = 100)]
    messages: usize,
    /// The arbiter-server binary (default: next to this one).
    #[arg(long)]
    server: Option<PathBuf>,
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn percentiles(mut samples: Vec<f64>) -> (f64, f64, f64) {
    if samples.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.95), *samples.last().unwrap())
}

/// Agents online in every support queue, speaking English, with tokens `chat-load-<n>`.
async fn add_agents(db: &Db, count: usize) -> anyhow::Result<()> {
    let teams = ["general", "payments", "disputes", "fraud", "p2p", "feedback"];
    let mut tx = db.begin_write().await?;
    let first: i64 =
        sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(id) FROM agents").fetch_one(&mut *tx).await?.unwrap_or(0) + 1;
    for n in 0..count {
        let id = first + n as i64;
        let team = teams[n % teams.len()];
        let agent = Agent {
            id,
            name: format!("Chat Agent {n}"),
            email: format!("chat-load-{n}@arbiter.example"),
            role: AgentRole::Agent,
            team: team.into(),
            teams: vec![team.into()],
            languages: vec!["en".into()],
            presence: Presence::Online,
            presence_since: chrono::Utc::now(),
        };
        put_agent(&mut tx, &agent).await?;
        insert_token(&mut tx, id, &format!("chat-load-{n}"), chrono::Utc::now().timestamp_millis()).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Server-sent events as they come: (event name, data).
struct Sse {
    response: reqwest::Response,
    buffer: String,
}

impl Sse {
    async fn next(&mut self) -> Option<String> {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let data: String = block.lines().filter_map(|l| l.strip_prefix("data:")).map(str::trim_start).collect();
                if !data.is_empty() {
                    return Some(data);
                }
                continue;
            }
            let chunk = self.response.chunk().await.ok()??;
            self.buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile::tempdir()?;
    let db_path = dir.path().join("server.db");
    let db_url = db_path.to_string_lossy().to_string();
    {
        let db = arbiter_server::demo_database(
            &db_url,
            &arbiter_server::generator::GeneratorOptions { seed: 42, tickets: 300, now: chrono::Utc::now() },
        )
        .await?;
        // Everyone of the demo staff away: only the added agents take chats.
        sqlx::query("UPDATE agents SET data = REPLACE(data, '\"presence\":\"online\"', '\"presence\":\"away\"')")
            .execute(&db.pool)
            .await?;
        add_agents(&db, args.agents).await?;
        db.pool.close().await;
    }
    let server_bin = match args.server {
        Some(path) => path,
        None => std::env::current_exe()?.with_file_name("arbiter-server"),
    };
    let mut child = tokio::process::Command::new(&server_bin)
        .args(["serve", "--database", &db_url, "--listen", "127.0.0.1:0", "--escalation-interval-secs", "0"])
        .args([
            "--widget-rate-limit",
            "100000",
            "--widget-rate-burst",
            "100000",
            // Every simulated widget comes from this machine's one address.
            "--widget-streams-per-address",
            "100000",
            "--rate-limit",
            "100000",
            "--rate-burst",
            "100000",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .with_context(|| format!("starting {}", server_bin.display()))?;
    let pid = child.id().context("server pid")?;
    let mut lines = BufReader::new(child.stdout.take().context("server stdout")?).lines();
    let base = loop {
        let Some(line) = lines.next_line().await? else { bail!("the server exited before listening") };
        if let Some(url) = line.strip_prefix("arbiter-server listening on ") {
            break url.to_owned();
        }
    };
    let http = reqwest::Client::builder().pool_max_idle_per_host(2_000).build()?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let before_kib = rss_kib(pid);

    // 1. A thousand open widgets.
    let started = Instant::now();
    let sessions: Arc<Mutex<Vec<(ChatSession, Sse)>>> = Arc::default();
    let mut tasks = Vec::new();
    for i in 0..args.chats {
        let (http, base, sessions) = (http.clone(), base.clone(), sessions.clone());
        tasks.push(tokio::spawn(async move {
            let form = serde_json::json!({
                "name": format!("Customer {i}"), "email": format!("customer{i}@mail.example"),
                "language": "en", "topic": ChatTopic::ALL[i % 6],
            });
            let session: ChatSession = http
                .post(format!("{base}/widget/v1/chats"))
                .json(&form)
                .send()
                .await?
                .error_for_status()?
                .json()
                .await?;
            let response = http
                .get(format!("{base}/widget/v1/chat/events"))
                .bearer_auth(&session.token)
                .send()
                .await?
                .error_for_status()?;
            let mut sse = Sse { response, buffer: String::new() };
            sse.next().await.context("the stream opens with the chat's state")?;
            sessions.lock().await.push((session, sse));
            anyhow::Ok(())
        }));
        if i % 50 == 49 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    let mut failed = 0;
    for task in tasks {
        if !matches!(task.await, Ok(Ok(()))) {
            failed += 1;
        }
    }
    let connect_s = started.elapsed().as_secs_f64();
    tokio::time::sleep(Duration::from_secs(3)).await;
    let open_kib = rss_kib(pid);
    let open = sessions.lock().await.len();

    // 2. The router's decision for a new chat while the thousand wait or are offered: the
    //    offer's time minus the chat's, both as the server stamped them.
    let reader = Db::connect(&db_url).await?;
    let mut decisions = Vec::new();
    for p in 0..20 {
        let probe: ChatSession = http
            .post(format!("{base}/widget/v1/chats"))
            .json(&serde_json::json!({"name": format!("Probe {p}"), "email": "probe@mail.example", "language": "en", "topic": "other"}))
            .send()
            .await?
            .json()
            .await?;
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            let row: Option<(String,)> = sqlx::query_as("SELECT data FROM offers WHERE ticket_id = $1")
                .bind(probe.chat_id)
                .fetch_optional(&reader.pool)
                .await?;
            if let Some((data,)) = row {
                let offer: Offer = serde_json::from_str(&data)?;
                let (ticket,): (String,) = sqlx::query_as("SELECT data FROM tickets WHERE id = $1")
                    .bind(probe.chat_id)
                    .fetch_one(&reader.pool)
                    .await?;
                let ticket: Ticket = serde_json::from_str(&ticket)?;
                decisions.push((offer.offered_at - ticket.created_at).num_microseconds().unwrap_or(0) as f64 / 1000.0);
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    // 3. Latencies both ways in the first chats, with the agent of each chat's queue.
    let mut sessions = std::mem::take(&mut *sessions.lock().await);
    let chosen: Vec<(ChatSession, Sse)> = std::mem::take(&mut sessions);
    let mut to_agent = Vec::new();
    let mut to_customer = Vec::new();
    let supervisor = "demo-ingrid"; // leads general and feedback
    let mut agent_stream = Sse {
        response: http.get(format!("{base}/v1/stream")).bearer_auth(supervisor).send().await?.error_for_status()?,
        buffer: String::new(),
    };
    for (i, (session, mut widget)) in chosen.into_iter().enumerate() {
        if to_customer.len() >= args.messages {
            break;
        }
        // Only the chats of the queues the supervisor leads (the topic "other" goes to general).
        let seen = http.get(format!("{base}/v1/tickets/{}", session.chat_id)).bearer_auth(supervisor).send().await?;
        if !seen.status().is_success() {
            continue;
        }
        let text = format!("load message {i}");
        let sent = Instant::now();
        http.post(format!("{base}/widget/v1/chat/messages"))
            .bearer_auth(&session.token)
            .json(&serde_json::json!({"client_id": format!("load-{i}"), "text": text}))
            .send()
            .await?
            .error_for_status()?;
        while let Some(data) = agent_stream.next().await {
            if data.contains(&text) {
                to_agent.push(sent.elapsed().as_secs_f64() * 1000.0);
                break;
            }
        }
        let answer = format!("load answer {i}");
        let sent = Instant::now();
        http.post(format!("{base}/v1/tickets/{}/replies", session.chat_id))
            .bearer_auth(supervisor)
            .header(IDEMPOTENCY_KEY_HEADER, format!("chat-load-{i}-{}", std::process::id()))
            .json(&serde_json::json!({"body": answer}))
            .send()
            .await?
            .error_for_status()?;
        while let Some(data) = widget.next().await {
            if let Ok(WidgetEvent::Message { message }) = serde_json::from_str::<WidgetEvent>(&data) {
                if message.text == answer {
                    to_customer.push(sent.elapsed().as_secs_f64() * 1000.0);
                    break;
                }
            }
        }
    }
    let _ = child.kill().await;

    let per_widget_kib = (open_kib.saturating_sub(before_kib)) as f64 / open.max(1) as f64;
    let (c50, c95, cmax) = percentiles(to_agent.clone());
    let (a50, a95, amax) = percentiles(to_customer.clone());
    println!(
        "## Live chat under load (`cargo run --release -p arbiter-server --bin arbiter-chat-load -- --chats {}`)\n",
        args.chats
    );
    println!("The reference server (SQLite, release build) with {} more agents online; {} customers start a chat and keep the widget's event stream open.\n", args.agents, args.chats);
    println!("| What | Figure |\n| --- | --- |");
    println!(
        "| Widgets open at once | {open} of {} ({failed} failed), all connected in {connect_s:.1} s |",
        args.chats
    );
    println!(
        "| Server memory: before / with them open | {:.0} / {:.0} MiB |",
        before_kib as f64 / 1024.0,
        open_kib as f64 / 1024.0
    );
    println!("| Memory per open widget | **{per_widget_kib:.1} KiB** |");
    let (d50, d95, dmax) = percentiles(decisions.clone());
    println!("| A new chat placed by the router (chat stored → offer stored, {} chats) p50 / p95 / max | {d50:.1} / **{d95:.1}** / {dmax:.1} ms |", decisions.len());
    println!("| Customer sends → the agent's live stream has it ({} messages) p50 / p95 / max | {c50:.1} / **{c95:.1}** / {cmax:.1} ms |", to_agent.len());
    println!("| Agent answers → the customer's widget has it ({} messages) p50 / p95 / max | {a50:.1} / **{a95:.1}** / {amax:.1} ms |", to_customer.len());
    Ok(())
}
