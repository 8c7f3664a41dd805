//! `arbiter-bench`: the desk's sync engine and local cache measured against the reference
//! server on loopback, at the size of a big desk (100k+ tickets, 1M messages).
//!
//! ```text
//! cargo build --release -p arbiter-server -p arbiter-bench
//! $CARGO_TARGET_DIR/release/arbiter-bench            # ≈ 10 min the first time (generates data)
//! ```
//!
//! It measures: the initial sync's throughput, and a raw bulk insert of the same rows into the
//! same schema in the same run; search over the messages; the inbox queries; a server-side
//! change reaching the cache through the live stream; the cache's size and the process's
//! memory. The server runs as a child process, so the memory figures are the desk's alone.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use arbiter_cache::{Action, Cache, CacheKey, InboxView, SearchQuery, SearchSource};
use arbiter_client::{ApiClient, ApiToken};
use arbiter_contract::*;
use arbiter_server::store::entities::{insert_token, put_agent};
use arbiter_server::Db;
use arbiter_sync::SyncEngine;
use clap::Parser;
use tokio::io::{AsyncBufReadExt, BufReader};

const BENCH_TOKEN: &str = "bench-head-of-support";
const BENCH_AGENT_ID: i64 = 900;
/// Fixed, so the generated data is the same on every run.
const DATA_NOW: &str = "2026-11-20T12:00:00Z";

#[derive(Parser)]
#[command(about = "Benchmark the desk's sync engine and cache against the reference server")]
struct Args {
    /// Tickets in the generated data (≈ 8.8 messages each: 114,000 gives ≈ 1M messages).
    #[arg(long, default_value_t = 114_000)]
    tickets: u32,
    /// Where the generated server database and the caches are kept between runs
    /// (default: ~/.cache/arbiter-bench).
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// The arbiter-server binary (default: next to this one).
    #[arg(long)]
    server: Option<PathBuf>,
    /// Changes per feed page, as the desk asks.
    #[arg(long, default_value_t = arbiter_sync::DEFAULT_PAGE_SIZE)]
    page_size: u32,
    /// Server-side changes timed through the live stream.
    #[arg(long, default_value_t = 200)]
    stream_samples: usize,
    /// Times each search and inbox query is run.
    #[arg(long, default_value_t = 30)]
    repeats: usize,
    /// Reuse the cache synced by the previous run (its key is kept beside it; this is a
    /// benchmark's throwaway data) and measure only the queries and the stream.
    #[arg(long)]
    reuse_cache: bool,
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = args.data_dir.clone().unwrap_or_else(|| {
        PathBuf::from(std::env::var("HOME").unwrap_or_else(|_| ".".into())).join(".cache/arbiter-bench")
    });
    std::fs::create_dir_all(&dir)?;
    let server_bin = match &args.server {
        Some(path) => path.clone(),
        None => std::env::current_exe()?.with_file_name("arbiter-server"),
    };
    if !server_bin.exists() {
        bail!("{} not found; build it (cargo build --release -p arbiter-server)", server_bin.display());
    }
    let database = dir.join(format!("server-{}.db", args.tickets));
    prepare_server_data(&server_bin, &database, args.tickets).await?;
    let (mut server, base) = start_server(&server_bin, &database).await?;
    let client = ApiClient::new(&base, ApiToken::new(BENCH_TOKEN))?;
    let mut out = Report::default();

    let cache_path = dir.join("desk.sqlite");
    let key_path = dir.join("desk.key");
    let cache = if args.reuse_cache {
        let key = CacheKey::from_hex(&std::fs::read_to_string(&key_path)?).context("a saved key")?;
        let started = Instant::now();
        let cache = Cache::open_encrypted(&cache_path, &key).await?;
        eprintln!("reopened the cache (migrations included) in {:.1} s", started.elapsed().as_secs_f64());
        engine_catch_up(&client, &cache).await?;
        cache
    } else {
        sync_and_raw_insert(&args, &client, &dir, &cache_path, &key_path, &mut out).await?
    };

    let storage = cache.storage_report(90).await?;
    let rows = |table: &str| storage.tables.iter().find(|t| t.table == table).map_or(0, |t| t.rows);
    (out.tickets, out.messages) = (rows("tickets"), rows("messages"));

    // What the write-ahead log holds when the timed reads start (suspected once of slowing
    // them after a catch-up); ARBITER_BENCH_CHECKPOINT=1 folds it into the file first.
    let wal_mib = |path: &Path| std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1_048_576.0);
    let wal_path = dir.join("desk.sqlite-wal");
    eprintln!("write-ahead log before the inbox queries: {:.1} MiB", wal_mib(&wal_path));
    if std::env::var_os("ARBITER_BENCH_CHECKPOINT").is_some() {
        cache.checkpoint().await?;
        eprintln!("  after a checkpoint: {:.1} MiB", wal_mib(&wal_path));
    }

    // 3. Inbox queries, as the list and the sidebar ask them.
    eprintln!("inbox queries…");
    let me = 1; // Ava Chen: a disputes agent with tickets of her own
    for view in InboxView::ALL {
        cache.list_tickets(view, me, None, 100).await?; // warm, as a desk in use is
        let mut samples = Vec::new();
        for _ in 0..args.repeats {
            let started = Instant::now();
            let page = cache.list_tickets(view, me, None, 100).await?;
            samples.push(ms(started));
            if let Some(last) = page.last() {
                let after = last.cursor;
                let started = Instant::now();
                cache.list_tickets(view, me, Some(after), 100).await?;
                samples.push(ms(started));
            }
        }
        out.inbox.push((format!("list `{view:?}` (100 rows, first and next page)"), samples));
        out.plans.push((format!("{view:?}"), cache.list_plan(view, me).await?));
    }
    let mut samples = Vec::new();
    for _ in 0..args.repeats {
        let started = Instant::now();
        cache.view_counts(me).await?;
        samples.push(ms(started));
    }
    out.inbox.push((format!("counts of all {} views", InboxView::ALL.len()), samples));
    let open: Vec<i64> = cache.list_tickets(InboxView::All, me, None, 500).await?.iter().map(|t| t.id).collect();
    let mut samples = Vec::new();
    for id in open.iter().take(args.repeats * 4) {
        let started = Instant::now();
        cache.ticket_view(*id).await?.context("a listed ticket opens")?;
        samples.push(ms(started));
    }
    out.inbox.push(("open a ticket (conversation, notes, customer)".into(), samples));

    // Agent actions into the outbox: what the agent waits for before the desk shows the
    // action queued (one write to the encrypted cache). Each is taken back out afterwards
    // (rejected, then discarded), so the bench cache carries no pending sends into the window
    // benchmarks.
    let email_ticket = *open.first().context("a ticket to act on")?;
    let view = cache.ticket_view(email_ticket).await?.context("the ticket opens")?;
    let (customer_id, message_id) =
        (view.ticket.customer_id, view.conversation.messages.last().context("a message to forward")?.id);
    let actions: Vec<(&str, Action)> = vec![
        ("reply", Action::Reply { ticket_id: email_ticket, body: "We are on it.".into(), files: vec![] }),
        ("internal note", Action::Note { ticket_id: email_ticket, body: "Checked the ledger.".into(), files: vec![] }),
        (
            "new email conversation",
            Action::StartEmail {
                ticket_id: Some(email_ticket),
                customer_id,
                queue: view.ticket.queue.clone(),
                subject: "Your withdrawal".into(),
                body: "Hello, about your withdrawal.".into(),
                files: vec![],
            },
        ),
        (
            "forward a message by email",
            Action::Forward {
                ticket_id: email_ticket,
                message_id,
                to: "disputes@bank.example".into(),
                body: "Please confirm this transfer.".into(),
            },
        ),
    ];
    for (label, action) in &actions {
        let mut samples = Vec::new();
        for i in 0..args.repeats {
            let id = format!("bench-{label}-{i}");
            let started = Instant::now();
            cache.enqueue(&id, action).await?;
            samples.push(ms(started));
            cache.mark_rejected(&id, "bench").await?;
            cache.discard(&id).await?;
        }
        out.actions.push((format!("{label}: queued in the outbox"), samples));
    }

    // Casework: a case's screen (the case with pending changes, audit trail, documents, its
    // network lifecycle) and the loss analytics over every cached case.
    let case_ids = cache.recent_case_ids(args.repeats as u32 * 4).await?;
    let total_cases: i64 = cache.case_fact_groups(None, None).await?.iter().map(|g| g.cases).sum();
    let mut samples = Vec::new();
    for id in case_ids.iter().take(args.repeats * 4) {
        let started = Instant::now();
        let parts = cache.case_parts(*id).await?.context("a cached case opens")?;
        cache.case_documents(*id).await?;
        let _ = arbiter_policy::chargeback::case_lifecycle(&parts.case, 5, chrono::Utc::now());
        samples.push(ms(started));
    }
    out.inbox.push(("open a case (case, audit trail, documents, lifecycle)".into(), samples));
    let mut samples = Vec::new();
    for _ in 0..args.repeats {
        let started = Instant::now();
        let groups = cache.case_fact_groups(None, None).await?;
        let report = arbiter_desk::analytics::loss_report(
            &groups,
            &arbiter_desk::LossQuery::default(),
            cache.case_teams().await?,
        );
        samples.push(ms(started));
        anyhow::ensure!(report.totals.cases == total_cases, "every case counted");
    }
    out.inbox.push((format!("loss analytics over all {total_cases} cached cases"), samples));

    // Fraud risk: the risk tab's read from the cache, the company API's answer on linked
    // accounts, and the server's decline sweep over every active ticket's customer.
    eprintln!("risk…");
    risk(&args, &client, &cache, &database, &mut out).await?;

    // 4. Search.
    eprintln!("search…");
    let queries: Vec<(&str, SearchQuery)> = vec![
        ("common word", SearchQuery::text("withdrawal")),
        ("common word, typing", SearchQuery::text("withdr")),
        ("two words", SearchQuery::text("card refund")),
        ("phrase", SearchQuery::text("\"2FA code\"")),
        ("rare word", SearchQuery::text("chargeback")),
        ("Chinese, common", SearchQuery::text("您好")),
        ("Chinese, rarer", SearchQuery::text("詐騙")),
        ("customer email", SearchQuery::text("example.com")),
        ("no match", SearchQuery::text("zzqxv")),
        ("FTS syntax as text", SearchQuery::text("NEAR(\"fee\" *")),
        (
            "word + status and queue filters",
            SearchQuery {
                statuses: vec![TicketStatus::Open, TicketStatus::Pending],
                queues: vec!["payments".into()],
                ..SearchQuery::text("deposit")
            },
        ),
        ("word, messages only", SearchQuery { sources: vec![SearchSource::Message], ..SearchQuery::text("account") }),
        (
            "word + last 7 days",
            SearchQuery {
                from: Some(DATA_NOW.parse::<chrono::DateTime<chrono::Utc>>()? - chrono::Duration::days(7)),
                ..SearchQuery::text("verification")
            },
        ),
    ];
    for (label, query) in &queries {
        cache.search(query).await?; // warm
        let mut samples = Vec::new();
        let mut hits = 0;
        for _ in 0..args.repeats {
            let started = Instant::now();
            hits = cache.search(query).await?.hits.len();
            samples.push(ms(started));
        }
        out.search.push((format!("{label} ({hits} hits)"), samples));
    }

    // 5. A server-side change reaching the cache through the live stream.
    eprintln!("stream latency…");
    out.stream = stream_latency(&client, &cache, &open, args.stream_samples).await?;

    // 6. Size and memory.
    out.cache_bytes = Cache::file_size(&cache_path);
    out.database_bytes = cache.storage_report(90).await?.database_bytes;
    out.rss_kib = proc_status("VmRSS");
    out.peak_rss_kib = proc_status("VmHWM");
    cache.close().await;
    server.kill().await?;

    out.print(&args);
    Ok(())
}

async fn risk(args: &Args, client: &ApiClient, cache: &Cache, database: &Path, out: &mut Report) -> anyhow::Result<()> {
    let server_db = Db::connect(database.to_str().context("a UTF-8 path")?).await?;
    // Customers with tickets who share something with another account, and customers of open
    // tickets.
    let mut sample: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT a.customer_id FROM activity_identifiers a
         JOIN activity_identifiers b ON b.kind = a.kind AND b.value = a.value AND b.customer_id <> a.customer_id
         WHERE a.customer_id IN (SELECT customer_id FROM tickets)
         ORDER BY a.customer_id LIMIT $1",
    )
    .bind((args.repeats * 2) as i64)
    .fetch_all(&server_db.pool)
    .await?;
    let active: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT customer_id FROM tickets WHERE status IN ('new', 'open', 'pending', 'on_hold') ORDER BY customer_id",
    )
    .fetch_all(&server_db.pool)
    .await?;
    sample.extend(active.iter().take(args.repeats * 2));
    let mut fetched = Vec::new();
    let mut linked_accounts = 0;
    for id in &sample {
        let started = Instant::now();
        let links = client.customer_links(*id).await?;
        cache.put_customer_links(&links, chrono::Utc::now()).await?;
        fetched.push(ms(started));
        linked_accounts += links.accounts.len();
    }
    out.risk.push((
        format!(
            "linked accounts from the company API, kept in the cache ({} customers, {linked_accounts} links)",
            sample.len()
        ),
        fetched,
    ));
    let mut scored = Vec::new();
    let mut findings = 0;
    for id in &sample {
        let started = Instant::now();
        let risk = arbiter_desk::risk::customer_risk(cache, *id).await?;
        scored.push(ms(started));
        findings += risk.risk.findings.len();
    }
    out.risk.push((format!("a customer's risk from the cache: score, links, timeline ({findings} findings)"), scored));

    let policy = defaults::risk_policy();
    let sweeps = arbiter_server::risk::RiskCache::default();
    let mut conn = server_db.pool.acquire().await?;
    let started = Instant::now();
    let declining = sweeps.declining(&mut conn, &active, &policy, chrono::Utc::now()).await?;
    let cold = ms(started);
    let started = Instant::now();
    sweeps.declining(&mut conn, &active, &policy, chrono::Utc::now()).await?;
    out.sweep = Some((active.len(), declining.len(), cold, ms(started)));
    Ok(())
}

/// Phases 1 and 2: the initial sync into a fresh cache, then the raw insert of the same rows.
async fn sync_and_raw_insert(
    args: &Args,
    client: &ApiClient,
    dir: &Path,
    cache_path: &Path,
    key_path: &Path,
    out: &mut Report,
) -> anyhow::Result<Cache> {
    // 1. Initial sync into a fresh encrypted cache, as the desk does it.
    remove_cache(cache_path);
    let key = CacheKey::random();
    std::fs::write(key_path, key.to_hex())?;
    let cache = Cache::open_encrypted(cache_path, &key).await?;
    let rss = RssSampler::start();
    eprintln!("initial sync…");
    let started = Instant::now();
    let engine = SyncEngine::new(client.clone(), cache.clone()).with_page_size(args.page_size);
    let sync = match engine.sync(|_, _| {}).await {
        Ok(report) => report,
        Err(error) => {
            // Name the change the cache refused, so a failure here can be reproduced.
            let cursor = cache.position().await?.cursor;
            let page = client.changes(cursor, args.page_size, None).await?;
            for change in &page.changes {
                if let Err(single) = cache.put_entities(std::slice::from_ref(&change.entity)).await {
                    eprintln!(
                        "change {} ({:?} {}) fails alone: {single}",
                        change.seq,
                        change.entity.kind(),
                        change.entity.id()
                    );
                    break;
                }
            }
            return Err(anyhow::Error::new(error).context(format!("initial sync stopped at cursor {cursor}")));
        }
    };
    let sync_time = started.elapsed();
    out.sync_peak_rss_kib = rss.stop().await;
    eprintln!("  {} changes in {:.1} s", sync.changes, sync_time.as_secs_f64());
    let storage = cache.storage_report(90).await?;
    let rows = |table: &str| storage.tables.iter().find(|t| t.table == table).map_or(0, |t| t.rows);
    out.tickets = rows("tickets");
    out.messages = rows("messages");
    out.changes = sync.changes as i64;
    out.pages = sync.pages;
    out.sync_seconds = sync_time.as_secs_f64();

    // 2. The same rows, inserted straight into the same schema (no network, no JSON parsing,
    //    big transactions): the floor the sync is compared with.
    eprintln!("raw bulk insert of the same rows…");
    let raw_path = dir.join("raw.sqlite");
    remove_cache(&raw_path);
    let raw = Cache::open_encrypted(&raw_path, &key).await?;
    let mut cursor = 0;
    let mut horizon = None;
    let mut raw_time = Duration::ZERO;
    let mut raw_changes = 0usize;
    loop {
        let page = client.changes(cursor, FEED_MAX_LIMIT, horizon).await?;
        horizon = Some(page.horizon);
        let entities: Vec<Entity> = page.changes.into_iter().map(|c| c.entity).collect();
        let started = Instant::now();
        raw.put_entities(&entities).await?;
        raw_time += started.elapsed();
        raw_changes += entities.len();
        cursor = page.next_cursor;
        if !page.has_more {
            break;
        }
    }
    raw.close().await;
    remove_cache(&raw_path);
    eprintln!("  {raw_changes} changes in {:.1} s", raw_time.as_secs_f64());
    out.raw_changes = raw_changes as i64;
    out.raw_seconds = raw_time.as_secs_f64();

    Ok(cache)
}

/// Brings a reused cache up to date (the server's data may have moved since).
async fn engine_catch_up(client: &ApiClient, cache: &Cache) -> anyhow::Result<()> {
    SyncEngine::new(client.clone(), cache.clone()).sync(|_, _| {}).await?;
    Ok(())
}

/// Generates the server's data once (kept for later runs) and adds the benchmark's agent:
/// a head of support who sees every support queue.
async fn prepare_server_data(server_bin: &Path, database: &Path, tickets: u32) -> anyhow::Result<()> {
    let db_arg = database.display().to_string();
    if !database.exists() {
        eprintln!("generating {tickets} tickets into {db_arg} (once)…");
        let partial = database.with_extension("partial.db");
        let _ = std::fs::remove_file(&partial);
        let status = tokio::process::Command::new(server_bin)
            .args(["generate", "--database", &partial.display().to_string(), "--tickets", &tickets.to_string()])
            .args(["--now", DATA_NOW])
            .status()
            .await?;
        if !status.success() {
            bail!("generating the data failed");
        }
        std::fs::rename(&partial, database)?;
    }
    let db = Db::connect(&db_arg).await?;
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT id FROM agents WHERE id = $1").bind(BENCH_AGENT_ID).fetch_optional(&db.pool).await?;
    if exists.is_none() {
        let teams = ["general", "payments", "disputes", "fraud", "p2p", "feedback"];
        let agent = Agent {
            id: BENCH_AGENT_ID,
            name: "Bench Head of Support".into(),
            email: "bench@arbiter.example".into(),
            role: AgentRole::Supervisor,
            team: "general".into(),
            teams: teams.iter().map(|t| t.to_string()).collect(),
            languages: vec!["en".into()],
            presence: Presence::Online,
            presence_since: chrono::Utc::now(),
        };
        let mut tx = db.begin_write().await?;
        put_agent(&mut tx, &agent).await?;
        insert_token(&mut tx, BENCH_AGENT_ID, BENCH_TOKEN, chrono::Utc::now().timestamp_millis()).await?;
        tx.commit().await?;
    }
    db.pool.close().await;
    Ok(())
}

async fn start_server(server_bin: &Path, database: &Path) -> anyhow::Result<(tokio::process::Child, String)> {
    // No rate limit: this measures the desk, not the server's protection against floods. No
    // escalation sweep either: on a 2-core machine its passes over 114,000 tickets every 15 s
    // take the CPU the desk's queries are timed on (a desk's server is on another machine).
    let mut child = tokio::process::Command::new(server_bin)
        .args(["serve", "--database", &database.display().to_string(), "--listen", "127.0.0.1:0"])
        .args(["--rate-limit", "1000000", "--rate-burst", "1000000", "--escalation-interval-secs", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()?;
    let mut lines = BufReader::new(child.stdout.take().context("server stdout")?).lines();
    let base = loop {
        let line = lines.next_line().await?.context("the server exited")?;
        if let Some(url) = line.strip_prefix("arbiter-server listening on ") {
            break url.trim().to_owned();
        }
    };
    Ok((child, base))
}

/// Posts replies through the API and times each until the desk's stream follower has
/// stored it in the cache. Returns (from request start, from the server's event time).
async fn stream_latency(
    client: &ApiClient,
    cache: &Cache,
    tickets: &[i64],
    samples: usize,
) -> anyhow::Result<(Vec<f64>, Vec<f64>)> {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(String, Instant, chrono::DateTime<chrono::Utc>)>();
    let follower = {
        let (client, cache) = (client.clone(), cache.clone());
        tokio::spawn(async move {
            arbiter_sync::stream::follow(&client, &cache, |event, _applied| {
                // Called after the event is committed to the cache.
                if let StreamPayload::MessageCreated { message, .. } = &event.payload {
                    let _ = tx.send((message.text.clone(), Instant::now(), event.at));
                }
                true
            })
            .await
        })
    };
    tokio::time::sleep(Duration::from_millis(500)).await; // connected
    let run = chrono::Utc::now().timestamp_millis();
    let (mut from_request, mut from_event) = (Vec::new(), Vec::new());
    for n in 0..samples {
        let ticket = tickets[n % tickets.len()];
        let text = format!("bench-latency-{run}-{n}");
        let started = Instant::now();
        client.post_reply(ticket, &text, &[], &format!("{text}-key")).await?;
        let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
        loop {
            let (got, at, event_at) = tokio::time::timeout_at(deadline, rx.recv())
                .await
                .context("the change did not arrive through the stream within 5 s")?
                .context("the stream follower stopped")?;
            if got == text {
                from_request.push(at.duration_since(started).as_secs_f64() * 1000.0);
                let lag = chrono::Utc::now() - event_at - chrono::Duration::from_std(at.elapsed())?;
                from_event.push(lag.num_microseconds().unwrap_or(0) as f64 / 1000.0);
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    follower.abort();
    Ok((from_request, from_event))
}

fn remove_cache(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

fn ms(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

fn proc_status(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(&format!("{field}:")))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Samples this process's resident memory while a phase runs.
struct RssSampler {
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<u64>,
}

impl RssSampler {
    fn start() -> Self {
        let (stop, mut stopped) = tokio::sync::oneshot::channel();
        let task = tokio::spawn(async move {
            let mut peak = proc_status("VmRSS");
            loop {
                tokio::select! {
                    _ = &mut stopped => return peak,
                    _ = tokio::time::sleep(Duration::from_millis(100)) => peak = peak.max(proc_status("VmRSS")),
                }
            }
        });
        Self { stop, task }
    }

    async fn stop(self) -> u64 {
        let _ = self.stop.send(());
        self.task.await.unwrap_or(0)
    }
}

fn percentile(samples: &[f64], p: f64) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return 0.0;
    }
    let index = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[index]
}

#[derive(Default)]
struct Report {
    tickets: i64,
    messages: i64,
    changes: i64,
    pages: usize,
    sync_seconds: f64,
    sync_peak_rss_kib: u64,
    raw_changes: i64,
    raw_seconds: f64,
    inbox: Vec<(String, Vec<f64>)>,
    /// Each built-in view's query plan, printed beside the times so a changed plan is seen.
    plans: Vec<(String, Vec<String>)>,
    actions: Vec<(String, Vec<f64>)>,
    search: Vec<(String, Vec<f64>)>,
    risk: Vec<(String, Vec<f64>)>,
    /// The decline sweep: customers, declined, first (cold) and next (nothing changed) in ms.
    sweep: Option<(usize, usize, f64, f64)>,
    stream: (Vec<f64>, Vec<f64>),
    cache_bytes: u64,
    database_bytes: i64,
    rss_kib: u64,
    peak_rss_kib: u64,
}

impl Report {
    fn print(&self, args: &Args) {
        let sync_rate = self.changes as f64 / self.sync_seconds;
        let raw_rate = self.raw_changes as f64 / self.raw_seconds;
        println!(
            "## Desk sync and cache ({}, `arbiter-bench --tickets {}`)\n",
            chrono::Utc::now().format("%Y-%m-%d"),
            args.tickets
        );
        println!("| What | Figure |\n| --- | --- |");
        println!(
            "| Data synced | {} tickets, {} messages; {} changes in {} pages of {} |",
            self.tickets, self.messages, self.changes, self.pages, args.page_size
        );
        println!(
            "| Initial sync from the server on loopback | **{:.1} s, {:.0} changes/s** |",
            self.sync_seconds, sync_rate
        );
        println!(
            "| Raw bulk insert of the same rows into the same schema (5,000 per transaction) | {:.1} s, {:.0} changes/s |",
            self.raw_seconds, raw_rate
        );
        println!("| Sync throughput ÷ raw insert throughput (target ≥ 0.5) | **{:.2}** |", sync_rate / raw_rate);
        let (request, event) = &self.stream;
        println!(
            "| Server-side change → stored in the cache via the stream, from the request's start: p50 / p95 / max (target p95 < 200 ms) | {:.1} / **{:.1}** / {:.1} ms ({} changes) |",
            percentile(request, 50.0),
            percentile(request, 95.0),
            percentile(request, 100.0),
            request.len()
        );
        println!(
            "| … from the server's event time: p50 / p95 | {:.1} / {:.1} ms |",
            percentile(event, 50.0),
            percentile(event, 95.0)
        );
        println!(
            "| Cache on disk (encrypted; database + WAL) | {:.0} MiB ({:.0} MiB in pages) |",
            self.cache_bytes as f64 / 1048576.0,
            self.database_bytes as f64 / 1048576.0
        );
        println!(
            "| Desk process memory: peak during the sync / at the end / high-water mark | {:.0} / {:.0} / {:.0} MiB |",
            self.sync_peak_rss_kib as f64 / 1024.0,
            self.rss_kib as f64 / 1024.0,
            self.peak_rss_kib as f64 / 1024.0
        );
        if let Some((customers, declined, cold, warm)) = self.sweep {
            println!(
                "| Server decline sweep over {customers} active tickets' customers ({declined} declined): first / next with nothing changed | {:.0} / **{:.0}** ms |",
                cold, warm
            );
        }
        for (title, rows) in [
            ("Inbox queries (target p95 < 10 ms)", &self.inbox),
            ("Search (target p95 < 30 ms)", &self.search),
            ("Fraud risk (target p95 < 100 ms)", &self.risk),
            ("Agent actions (target p95 < 100 ms)", &self.actions),
        ] {
            println!("\n{title}, {} runs each:\n", args.repeats);
            println!("| Query | p50 | p95 | max |\n| --- | --- | --- | --- |");
            let mut all = Vec::new();
            for (label, samples) in rows {
                all.extend_from_slice(samples);
                println!(
                    "| {label} | {:.2} ms | {:.2} ms | {:.2} ms |",
                    percentile(samples, 50.0),
                    percentile(samples, 95.0),
                    percentile(samples, 100.0)
                );
            }
            println!(
                "| **all together** | {:.2} ms | **{:.2} ms** | {:.2} ms |",
                percentile(&all, 50.0),
                percentile(&all, 95.0),
                percentile(&all, 100.0)
            );
        }
        println!("\nHow SQLite reads each view's first page (`EXPLAIN QUERY PLAN`, the page's own part):\n");
        println!("| View | Plan |\n| --- | --- |");
        for (view, plan) in &self.plans {
            // The page (the MATERIALIZED CTE) is what differs between views; the join after it is the same.
            let page: Vec<&str> = plan
                .iter()
                .map(|line| line.split_once(' ').map_or(line.as_str(), |(_, detail)| detail))
                .take_while(|detail| *detail != "SCAN p")
                .filter(|detail| !detail.starts_with("MATERIALIZE"))
                .collect();
            println!("| {view} | `{}` |", page.join("` · `"));
        }
    }
}
