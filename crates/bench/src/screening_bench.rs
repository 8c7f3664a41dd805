//! Where a withdrawal goes, timed: the company API's address screening on loopback (the
//! reference server, SQLite, in this process; known risky, exchange and unknown addresses in
//! turn, one keep-alive client as a desk would), and the address-poisoning check over a
//! customer's whole address history — the demo customers' real ones, and a made-up worst case
//! of a customer who withdrew to thousands of different addresses.
//!
//! `cargo run --release -p arbiter-bench --bin arbiter-screening-bench -- --requests 2000`

use std::time::{Duration, Instant};

use anyhow::Context;
use arbiter_contract::{ActivityDetail, ActivityEvent, TransferStatus};
use arbiter_risk::poisoning::{check, PoisoningParams};
use arbiter_server::generator::GeneratorOptions;
use arbiter_server::{demo_database, RunningServer};
use chrono::{DateTime, Utc};
use clap::Parser;

#[derive(Parser)]
struct Args {
    /// Screening requests to time.
    #[arg(long, default_value_t = 2_000)]
    requests: usize,
    /// Demo tickets (customers are three fifths of them).
    #[arg(long, default_value_t = 3_000)]
    tickets: u32,
    /// Withdrawals in the made-up worst-case history.
    #[arg(long, default_value_t = 5_000)]
    worst_case_withdrawals: i64,
}

fn summary(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |p: usize| times[((times.len() * p).div_ceil(100)).clamp(1, times.len()) - 1];
    println!(
        "{name:<62} n {:>5}  p50 {:>7.3} ms  p95 {:>7.3} ms  max {:>7.3} ms",
        times.len(),
        ms(at(50)),
        ms(at(95)),
        ms(*times.last().expect("samples"))
    );
}

fn withdrawal(id: i64, at: DateTime<Utc>, address: String) -> ActivityEvent {
    ActivityEvent {
        id,
        customer_id: 1,
        at,
        session_id: None,
        detail: ActivityDetail::Withdrawal {
            asset: "ETH".into(),
            quantity: "1".into(),
            usd_cents: 10_000,
            address,
            network: "ERC20".into(),
            new_address: true,
            tx_hash: None,
            status: TransferStatus::Completed,
            locked_until: None,
            screening: None,
            travel_rule: None,
        },
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile::tempdir()?;
    let options = GeneratorOptions { seed: 3, tickets: args.tickets, now: Utc::now() };
    let db = demo_database(dir.path().join("server.db").to_str().context("path")?, &options).await?;
    let pool = db.pool.clone();
    // One desk asking as fast as it can: the per-token limit is not what is measured.
    let config = arbiter_server::Config {
        rate_limit: arbiter_server::rate_limit::RateLimit { per_second: 1e6, burst: 1e6 },
        ..Default::default()
    };
    let server = RunningServer::start_with(db, "127.0.0.1:0".parse()?, &config).await?;
    let url = format!("{}/v1/address-screenings", server.base_url());

    let known: Vec<(String, String)> =
        sqlx::query_as("SELECT network, address FROM screened_addresses ORDER BY address").fetch_all(&pool).await?;
    let rows: Vec<String> =
        sqlx::query_scalar("SELECT data FROM activity_events ORDER BY customer_id, at, id").fetch_all(&pool).await?;
    let events: Vec<ActivityEvent> = rows.iter().map(|r| serde_json::from_str(r)).collect::<Result<_, _>>()?;
    let unknown: Vec<(String, String)> = events
        .iter()
        .filter_map(|e| match &e.detail {
            ActivityDetail::Withdrawal { network, address, screening: Some(s), .. } if s.exposures.is_empty() => {
                Some((network.clone(), address.clone()))
            }
            _ => None,
        })
        .take(known.len().max(100))
        .collect();
    println!("{} known addresses, {} clean ones, {} activity events", known.len(), unknown.len(), events.len());

    // Screening: a desk's keep-alive client, known and unknown addresses alternating.
    let client = reqwest::Client::new();
    let targets: Vec<&(String, String)> = known.iter().zip(&unknown).flat_map(|(a, b)| [a, b]).collect();
    for (network, address) in targets.iter().take(50) {
        client.get(&url).bearer_auth("demo-haruto").query(&[("network", network), ("address", address)]).send().await?;
    }
    let mut times = Vec::with_capacity(args.requests);
    for (network, address) in targets.iter().cycle().take(args.requests) {
        let started = Instant::now();
        let answer = client
            .get(&url)
            .bearer_auth("demo-haruto")
            .query(&[("network", network), ("address", address)])
            .send()
            .await?;
        anyhow::ensure!(answer.status().is_success(), "screening answered {}", answer.status());
        answer.bytes().await?;
        times.push(started.elapsed());
    }
    summary("screening answer, loopback (known and clean addresses)", times);

    // Poisoning over each demo customer's whole history, for each of their withdrawals.
    let params = PoisoningParams::default();
    let mut by_customer: Vec<Vec<&ActivityEvent>> = Vec::new();
    for event in &events {
        match by_customer.last_mut() {
            Some(last) if last[0].customer_id == event.customer_id => last.push(event),
            _ => by_customer.push(vec![event]),
        }
    }
    let mut times = Vec::new();
    let mut flagged = 0;
    for history in &by_customer {
        for withdrawal in history.iter().filter(|e| matches!(e.detail, ActivityDetail::Withdrawal { .. })) {
            let started = Instant::now();
            flagged += usize::from(std::hint::black_box(check(history, withdrawal, &params)).is_some());
            times.push(started.elapsed());
        }
    }
    let longest = by_customer.iter().map(Vec::len).max().unwrap_or(0);
    summary(&format!("poisoning check, demo histories (up to {longest} events; {flagged} flagged)"), times);

    // The worst case: thousands of earlier withdrawals, each to a different address.
    let start: DateTime<Utc> = "2025-01-01T00:00:00Z".parse()?;
    let history: Vec<ActivityEvent> = (0..args.worst_case_withdrawals)
        .map(|i| withdrawal(i + 1, start + chrono::Duration::minutes(i), format!("0x{:040x}", i * 7_919 + 13)))
        .collect();
    let refs: Vec<&ActivityEvent> = history.iter().collect();
    let last = refs.last().copied().context("history")?;
    let mut times = Vec::new();
    for _ in 0..200 {
        let started = Instant::now();
        std::hint::black_box(check(&refs, last, &params));
        times.push(started.elapsed());
    }
    summary(&format!("poisoning check, {} earlier withdrawals", args.worst_case_withdrawals), times);
    Ok(())
}
