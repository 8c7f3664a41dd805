//! `arbiter-load`: a bounded load test of the reference server on loopback. It runs the
//! server as a child process (so its memory is measured alone), gives it many agents, and
//! has each one do what a desk does: an initial sync of the change feed, a live stream,
//! a pull every couple of seconds, and now and then a reply or a note.
//!
//! With `--instances N` (PostgreSQL) it runs N servers behind a private nginx configured as
//! `deploy/nginx/arbiter.conf`, and the desks go through it.
//!
//! cargo run --release -p arbiter-server --bin arbiter-load -- --agents 200 --seconds 30

#[path = "common/nginx.rs"]
mod nginx;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use arbiter_contract::*;
use arbiter_server::store::entities::{insert_token, put_agent};
use arbiter_server::Db;
use clap::Parser;
use rand::{Rng, SeedableRng};
use serde::Serialize;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::sync::Mutex;

#[derive(Parser)]
#[command(about = "Load-test the reference server with many simulated desks")]
struct Args {
    /// Simulated agents, each with its own token, sync and stream.
    #[arg(long, default_value_t = 200)]
    agents: usize,
    /// How long the steady phase (after the initial syncs) lasts.
    #[arg(long, default_value_t = 30)]
    seconds: u64,
    /// Tickets in the generated database.
    #[arg(long, default_value_t = 5_000)]
    tickets: u32,
    /// Database for the server: a file path (default: a temporary file) or postgres://…
    #[arg(long)]
    database: Option<String>,
    /// Simulated customer traffic during the test, events per second.
    #[arg(long, default_value_t = 20.0)]
    simulate: f64,
    /// The arbiter-server binary (default: next to this one).
    #[arg(long)]
    server: Option<PathBuf>,
    /// Server instances (more than one needs a postgres:// database), behind nginx.
    #[arg(long, default_value_t = 1)]
    instances: usize,
    /// Ask for answers uncompressed (as desks did before compression).
    #[arg(long)]
    no_compression: bool,
}

#[derive(Default)]
struct Stats {
    latencies: BTreeMap<&'static str, Vec<f64>>,
    errors: BTreeMap<String, usize>,
    initial_sync: Vec<f64>,
    synced_changes: Vec<usize>,
    /// Bytes of feed pages on the wire during initial syncs, and the tickets they brought.
    initial_sync_wire_bytes: u64,
    initial_sync_json_bytes: u64,
    initial_sync_tickets: usize,
    stream_events: usize,
    stream_lag_ms: Vec<f64>,
}

#[derive(Serialize)]
struct Percentiles {
    count: usize,
    p50_ms: f64,
    p95_ms: f64,
    p99_ms: f64,
    max_ms: f64,
}

fn percentiles(values: &mut [f64]) -> Percentiles {
    values.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| values.get(((values.len() as f64 * q).ceil() as usize).saturating_sub(1)).copied().unwrap_or(0.0);
    Percentiles {
        count: values.len(),
        p50_ms: at(0.5),
        p95_ms: at(0.95),
        p99_ms: at(0.99),
        max_ms: values.last().copied().unwrap_or(0.0),
    }
}

/// User and system CPU a process used so far, in seconds.
fn cpu_seconds(pid: u32) -> f64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { return 0.0 };
    // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = [11, 12].iter().filter_map(|i| fields.get(*i)?.parse::<f64>().ok()).sum();
    ticks / 100.0 // USER_HZ
}

/// PostgreSQL's processes on this machine (none when the database is elsewhere).
fn postgres_pids() -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim() == "postgres"))
        .collect()
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Adds `count` agents spread over the support teams, with tokens `load-<n>`.
async fn add_agents(db: &Db, count: usize) -> anyhow::Result<Vec<String>> {
    let teams = ["general", "payments", "disputes", "fraud", "p2p", "feedback"];
    let mut tx = db.begin_write().await?;
    let first: i64 =
        sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(id) FROM agents").fetch_one(&mut *tx).await?.unwrap_or(0) + 1;
    let mut tokens = Vec::new();
    for n in 0..count {
        let id = first + n as i64;
        let team = teams[n % teams.len()];
        let agent = Agent {
            id,
            name: format!("Load Agent {n}"),
            email: format!("load-{n}@arbiter.example"),
            role: if n % 20 == 0 { AgentRole::Supervisor } else { AgentRole::Agent },
            team: team.into(),
            teams: vec![team.into()],
            languages: vec!["en".into()],
            presence: Presence::Online,
            presence_since: chrono::Utc::now(),
        };
        put_agent(&mut tx, &agent).await?;
        let token = format!("load-{n}");
        insert_token(&mut tx, id, &token, chrono::Utc::now().timestamp_millis()).await?;
        tokens.push(token);
    }
    tx.commit().await?;
    Ok(tokens)
}

async fn timed<T>(
    stats: &Mutex<Stats>,
    label: &'static str,
    f: impl std::future::Future<Output = reqwest::Result<T>>,
) -> Option<T> {
    let started = Instant::now();
    let result = f.await;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let mut stats = stats.lock().await;
    match result {
        Ok(value) => {
            stats.latencies.entry(label).or_default().push(ms);
            Some(value)
        }
        Err(error) => {
            let kind = match error.status() {
                Some(status) => status.to_string(),
                None if error.is_decode() => "undecodable answer".to_owned(),
                None => "network".to_owned(),
            };
            *stats.errors.entry(format!("{label}: {kind}")).or_default() += 1;
            None
        }
    }
}

/// Just what a load client needs from a feed page; the rest is skipped without allocating,
/// so the client spends its CPU on requests, not on decoding (it shares the cores).
#[derive(serde::Deserialize)]
struct LitePage {
    changes: Vec<LiteChange>,
    next_cursor: i64,
    has_more: bool,
}

#[derive(serde::Deserialize)]
struct LiteChange {
    entity: LiteEntity,
}

#[derive(serde::Deserialize)]
struct LiteEntity {
    kind: String,
    data: LiteData,
}

#[derive(serde::Deserialize)]
struct LiteData {
    /// Teams have string ids, everything else numbers.
    id: Option<serde_json::Value>,
    status: Option<serde_json::Value>,
}

async fn pull(
    http: &reqwest::Client,
    base: &str,
    token: &str,
    after: i64,
    stats: &Mutex<Stats>,
    label: &'static str,
) -> Option<(i64, usize, bool, Vec<i64>)> {
    let request = http
        .get(format!("{base}/v1/changes?after={after}&limit=1000"))
        .bearer_auth(token)
        .header(reqwest::header::ACCEPT_ENCODING, if COMPRESSED.load(Relaxed) { "zstd" } else { "identity" })
        .send();
    let (page, wire, json): (LitePage, usize, usize) = timed(stats, label, async {
        let response = request.await?.error_for_status()?;
        let zstd = response.headers().get(reqwest::header::CONTENT_ENCODING).is_some_and(|e| e == "zstd");
        let body = response.bytes().await?;
        let json = if zstd { zstd::decode_all(&body[..]).expect("a zstd frame") } else { body.to_vec() };
        Ok((serde_json::from_slice(&json).expect("a feed page"), body.len(), json.len()))
    })
    .await?;
    let tickets = page
        .changes
        .iter()
        .filter(|c| c.entity.kind == "ticket")
        .filter(|c| !matches!(c.entity.data.status.as_ref().and_then(|s| s.as_str()), Some("solved" | "closed")))
        .filter_map(|c| c.entity.data.id.as_ref().and_then(|id| id.as_i64()))
        .collect();
    if label.contains("initial") {
        let mut s = stats.lock().await;
        s.initial_sync_wire_bytes += wire as u64;
        s.initial_sync_json_bytes += json as u64;
        s.initial_sync_tickets += page.changes.iter().filter(|c| c.entity.kind == "ticket").count();
    }
    Some((page.next_cursor, page.changes.len(), page.has_more, tickets))
}

/// Whether the load client asks for compressed answers.
static COMPRESSED: AtomicBool = AtomicBool::new(true);

async fn desk(
    http: reqwest::Client,
    base: String,
    token: String,
    steady: Duration,
    stats: Arc<Mutex<Stats>>,
    seed: u64,
) {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    // Initial sync.
    let started = Instant::now();
    let (mut cursor, mut total, mut tickets) = (0, 0, Vec::new());
    loop {
        let Some((next, count, more, found)) =
            pull(&http, &base, &token, cursor, &stats, "GET /v1/changes (initial sync page)").await
        else {
            break;
        };
        cursor = next;
        total += count;
        tickets.extend(found);
        if !more {
            break;
        }
    }
    {
        let mut s = stats.lock().await;
        s.initial_sync.push(started.elapsed().as_secs_f64() * 1000.0);
        s.synced_changes.push(total);
    }
    // The live stream, read in the background.
    let stream_stats = stats.clone();
    let stream = http.get(format!("{base}/v1/stream")).bearer_auth(&token).send();
    let reader = tokio::spawn(async move {
        let Ok(mut response) = stream.await else { return };
        while let Ok(Some(chunk)) = response.chunk().await {
            let text = String::from_utf8_lossy(&chunk);
            let now = chrono::Utc::now();
            let mut s = stream_stats.lock().await;
            for line in text.lines().filter_map(|l| l.strip_prefix("data:")) {
                if let Ok(event) = serde_json::from_str::<StreamEvent>(line.trim()) {
                    s.stream_events += 1;
                    s.stream_lag_ms.push((now - event.at).num_microseconds().unwrap_or(0) as f64 / 1000.0);
                }
            }
        }
    });
    // Steady state, for `steady` after this desk's own initial sync: pull every ~2 s, and
    // now and then write.
    let stop = Instant::now() + steady;
    while Instant::now() < stop {
        tokio::time::sleep(Duration::from_millis(rng.random_range(1_500..2_500))).await;
        if let Some((next, _, _, _)) = pull(&http, &base, &token, cursor, &stats, "GET /v1/changes (incremental)").await
        {
            cursor = next;
        }
        if !tickets.is_empty() && rng.random_bool(0.15) {
            let ticket = tickets[rng.random_range(0..tickets.len())];
            let key = format!("{token}-{}", rng.random::<u64>());
            let (path, label) = if rng.random_bool(0.5) {
                (format!("{base}/v1/tickets/{ticket}/replies"), "POST replies")
            } else {
                (format!("{base}/v1/tickets/{ticket}/notes"), "POST notes")
            };
            let request = http
                .post(path)
                .bearer_auth(&token)
                .header("Idempotency-Key", key)
                .json(&serde_json::json!({"body": "Checked the transaction; following up shortly."}))
                .send();
            timed(&stats, label, async { request.await?.error_for_status().map(|_| ()) }).await;
        }
    }
    reader.abort();
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let server_bin = match args.server {
        Some(path) => path,
        None => std::env::current_exe()?.with_file_name("arbiter-server"),
    };
    if !server_bin.exists() {
        bail!("{} not found; build it (cargo build --release -p arbiter-server)", server_bin.display());
    }
    let dir = tempfile::tempdir()?;
    let database = args.database.clone().unwrap_or_else(|| dir.path().join("load.db").display().to_string());

    eprintln!("generating {} tickets…", args.tickets);
    let status = tokio::process::Command::new(&server_bin)
        .args(["generate", "--database", &database, "--tickets", &args.tickets.to_string(), "--seed", "9"])
        .stderr(Stdio::null())
        .status()
        .await?;
    if !status.success() {
        bail!("generating the data failed");
    }
    let db = Db::connect(&database).await?;
    let tokens = add_agents(&db, args.agents).await?;
    db.pool.close().await;

    if args.instances > 1 && !database.starts_with("postgres") {
        bail!("several instances share a PostgreSQL database: pass --database postgres://…");
    }
    COMPRESSED.store(!args.no_compression, Relaxed);
    let mut servers = Vec::new();
    let mut urls = Vec::new();
    for n in 0..args.instances {
        let mut child = tokio::process::Command::new(&server_bin)
            .args([
                "serve",
                "--database",
                &database,
                "--listen",
                "127.0.0.1:0",
                "--rate-limit",
                "1000000",
                "--rate-burst",
                "1000000",
            ])
            // One simulator for the whole cluster: the traffic is the same however many serve it.
            .args(if n == 0 { vec!["--simulate".to_owned(), args.simulate.to_string()] } else { vec![] })
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()?;
        let mut lines = BufReader::new(child.stdout.take().context("server stdout")?).lines();
        let url = loop {
            let line = lines.next_line().await?.context("the server exited")?;
            if let Some(url) = line.strip_prefix("arbiter-server listening on ") {
                break url.trim().to_owned();
            }
        };
        urls.push(url);
        servers.push(child);
    }
    let pids: Vec<u32> = servers.iter().filter_map(|c| c.id()).collect();
    let balancer = (args.instances > 1).then(|| nginx::Nginx::start(dir.path(), &urls, nginx::Balance::ByToken));
    let base = balancer.as_ref().map_or_else(|| urls[0].clone(), |b| b.url.clone());
    let idle_rss: u64 = pids.iter().map(|p| rss_kib(*p)).sum();
    eprintln!(
        "server at {base} ({} instances), {} agents, {} s steady phase…",
        args.instances, args.agents, args.seconds
    );

    // Decoding is done by hand, so the bytes on the wire can be counted.
    let http = reqwest::Client::builder().pool_max_idle_per_host(args.agents * 2).no_gzip().no_zstd().build()?;
    let stats = Arc::new(Mutex::new(Stats::default()));
    let started = Instant::now();
    let steady = Duration::from_secs(args.seconds);
    let mut desks = Vec::new();
    for (n, token) in tokens.into_iter().enumerate() {
        desks.push(tokio::spawn(desk(http.clone(), base.clone(), token, steady, stats.clone(), n as u64)));
    }
    // CPU of the servers (and PostgreSQL's, when it is on this machine) while desks sync.
    let cpu = |pids: &[u32]| pids.iter().map(|p| cpu_seconds(*p)).sum::<f64>();
    let (server_cpu_at_start, database_cpu_at_start) = (cpu(&pids), cpu(&postgres_pids()));
    let mut synced_cpu = None;
    let mut peak_rss = idle_rss;
    while desks.iter().any(|d| !d.is_finished()) {
        tokio::time::sleep(Duration::from_millis(250)).await;
        peak_rss = peak_rss.max(pids.iter().map(|p| rss_kib(*p)).sum());
        if synced_cpu.is_none() && stats.lock().await.initial_sync.len() == args.agents {
            synced_cpu = Some((
                cpu(&pids) - server_cpu_at_start,
                cpu(&postgres_pids()) - database_cpu_at_start,
                started.elapsed().as_secs_f64(),
            ));
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    drop(balancer);
    for mut child in servers {
        child.kill().await.ok();
    }
    let (sync_server_cpu, sync_database_cpu, sync_wall) = synced_cpu.unwrap_or_default();

    let mut stats = stats.lock().await;
    let requests: usize = stats.latencies.values().map(Vec::len).sum();
    let mut by_route = BTreeMap::new();
    let mut all: Vec<f64> = Vec::new();
    for (route, values) in stats.latencies.iter_mut() {
        all.extend(values.iter());
        by_route.insert(*route, percentiles(values));
    }
    let report = serde_json::json!({
        "agents": args.agents,
        "tickets": args.tickets,
        "database": if database.starts_with("postgres") { "postgres" } else { "sqlite file" },
        "duration_s": elapsed,
        "requests": requests,
        "requests_per_s": requests as f64 / elapsed,
        "errors": stats.errors,
        "all_requests": percentiles(&mut all),
        "by_route": by_route,
        "initial_sync_ms": percentiles(&mut stats.initial_sync),
        "changes_per_initial_sync_avg": stats.synced_changes.iter().sum::<usize>() / stats.synced_changes.len().max(1),
        "stream_events_received": stats.stream_events,
        "stream_delivery_ms": percentiles(&mut stats.stream_lag_ms),
        "server_rss_mib": { "idle": idle_rss / 1024, "peak": peak_rss / 1024 },
        "instances": args.instances,
        "compressed": !args.no_compression,
        "initial_sync_all_done_s": sync_wall,
        "initial_sync_cpu_s_per_desk": {
            "servers": sync_server_cpu / args.agents as f64,
            "postgresql": sync_database_cpu / args.agents as f64,
        },
        "initial_sync_wire_bytes_per_ticket": stats.initial_sync_wire_bytes as f64 / stats.initial_sync_tickets.max(1) as f64,
        "initial_sync_json_bytes_per_ticket": stats.initial_sync_json_bytes as f64 / stats.initial_sync_tickets.max(1) as f64,
        "initial_sync_wire_mib_total": stats.initial_sync_wire_bytes as f64 / 1_048_576.0,
    });
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}
