//! Chargebacks from the local copy: the case screen with its CE 3.0 check, drafting the
//! representment packet (assemble, letter, review), and submitting it (PDF, Stripe JSON,
//! hashes, queued) — on the reference server's demo data (SQLite, in this process) synced to
//! a payments agent's desk with a real cache file; building one packet of 10+ exhibits
//! (a demo case plus two files from its ticket) all the way to PDF and JSON; and the
//! disputes team's pre-dispute alerts (the queue, one alert, an answer queued, the loss
//! analytics with what alerts saved).
//!
//! `cargo build --release -p arbiter-bench && target/release/arbiter-chargeback-bench --tickets 3000 --rounds 20`
//! (`--alerts-only` for the alerts alone)

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use arbiter_contract::{ActivityEvent, Case, CaseStatus, Customer, DisputePolicy};
use arbiter_desk::{Desk, DeskPaths, MemoryStore, NoEvents, SyncState};
use arbiter_policy::compelling_evidence::check_case;
use arbiter_representment::{assemble, letter, render, stripe, FileRef, Inputs};
use arbiter_server::generator::{generate, GeneratorOptions};
use arbiter_server::RunningServer;
use clap::Parser;

#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 3000)]
    tickets: u32,
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Times each case is read (and each packet built).
    #[arg(long, default_value_t = 20)]
    rounds: usize,
    /// Only the pre-dispute alerts.
    #[arg(long)]
    alerts_only: bool,
}

fn summary(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |p: usize| times[((times.len() * p).div_ceil(100)).clamp(1, times.len()) - 1];
    println!(
        "{name:<62} n {:>5}  p50 {:>7.2} ms  p95 {:>7.2} ms  max {:>7.2} ms",
        times.len(),
        ms(at(50)),
        ms(at(95)),
        ms(*times.last().expect("times"))
    );
}

async fn rows<T: serde::de::DeserializeOwned>(pool: &sqlx::AnyPool, sql: &str, id: i64) -> anyhow::Result<Vec<T>> {
    let data: Vec<String> = sqlx::query_scalar(sql).bind(id).fetch_all(pool).await?;
    Ok(data.iter().map(|d| serde_json::from_str(d)).collect::<Result<_, _>>()?)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile::tempdir()?;
    let options = GeneratorOptions { seed: args.seed, tickets: args.tickets, now: chrono::Utc::now() };
    let db = arbiter_server::Db::connect(dir.path().join("server.db").to_str().context("path")?).await?;
    let truth = generate(&db, &options).await?.ground_truth;
    let config = arbiter_server::Config {
        rate_limit: arbiter_server::rate_limit::RateLimit { per_second: 1e6, burst: 1e6 },
        ..arbiter_server::Config::default()
    };
    let server = RunningServer::start_with(db, "127.0.0.1:0".parse()?, &config).await?;
    if args.alerts_only {
        return alerts(&server, dir.path(), args.rounds).await;
    }
    let paths = DeskPaths { config_dir: dir.path().join("desk/config"), data_dir: dir.path().join("desk/data") };
    let desk = Desk::new(paths, Arc::new(MemoryStore::default()), Arc::new(NoEvents));
    desk.start().await?;
    desk.sign_in(&server.base_url(), "demo-priya").await?;
    let started = Instant::now();
    while desk.sync_status().state != SyncState::Online {
        anyhow::ensure!(started.elapsed() < Duration::from_secs(120), "the desk never came online");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    // The payments agent's chargebacks.
    let mut mine = Vec::new();
    for planted in &truth.card_disputes {
        if let Ok(view) = desk.case_view(planted.case_id).await {
            mine.push((planted.case_id, view.case.status != CaseStatus::Closed));
        }
    }
    println!(
        "{} tickets, seed {}: {} chargebacks, {} in the payments agent's queues",
        args.tickets,
        args.seed,
        truth.card_disputes.len(),
        mine.len()
    );
    anyhow::ensure!(!mine.is_empty(), "no chargebacks to measure");

    let mut screens = Vec::new();
    for _ in 0..args.rounds {
        for (case_id, _) in &mine {
            let t = Instant::now();
            let view = desk.case_view(*case_id).await?;
            screens.push(t.elapsed());
            anyhow::ensure!(view.compelling_evidence.is_some(), "case {case_id} has its CE 3.0 check");
        }
    }
    summary("case screen from the cache, CE 3.0 check included", screens);
    let mut checks = Vec::new();
    for _ in 0..args.rounds {
        for (case_id, _) in &mine {
            let t = Instant::now();
            let check = desk.compelling_evidence(*case_id).await?;
            checks.push(t.elapsed());
            anyhow::ensure!(check.is_some(), "case {case_id} is checked");
        }
    }
    summary("CE 3.0 check of one case from the cache", checks);

    let open: Vec<i64> = mine.iter().filter(|(_, open)| *open).map(|(id, _)| *id).collect();
    let (mut drafts, mut exhibits) = (Vec::new(), Vec::new());
    for _ in 0..args.rounds {
        for case_id in &open {
            let t = Instant::now();
            let draft = desk.representment_draft(*case_id, None).await?;
            drafts.push(t.elapsed());
            exhibits.push(draft.exhibits.len());
        }
    }
    exhibits.sort();
    println!(
        "packets drafted: {} to {} exhibits (median {})",
        exhibits[0],
        exhibits[exhibits.len() - 1],
        exhibits[exhibits.len() / 2]
    );
    summary("draft the packet from the cache (assemble, letter, review)", drafts);

    // Submitting: PDF, JSON, hashes, evidence, the case's move — queued (cases whose review
    // blocks them, e.g. past the network's deadline, cannot be sent).
    let mut submits = Vec::new();
    let sendable = |d: &arbiter_desk::RepresentmentDraft| {
        d.review.iter().all(|l| l.severity != arbiter_representment::review::FindingSeverity::Blocks)
    };
    let mut sent = 0;
    for (i, case_id) in open.iter().enumerate() {
        if sent == args.rounds.max(1) * 2 {
            break;
        }
        let draft = desk.representment_draft(*case_id, None).await?;
        if !sendable(&draft) {
            continue;
        }
        sent += 1;
        let t = Instant::now();
        desk.submit_representment(*case_id, draft.language.clone(), draft.letter.clone(), &format!("bench-{i}"))
            .await?;
        submits.push(t.elapsed());
    }
    summary("submit the packet (PDF + JSON + hashes, queued)", submits);

    // One packet of 10+ exhibits, built whole: a demo chargeback with the most material, and
    // two files from its ticket.
    let pool = &server.db().pool;
    let policy = DisputePolicy::default();
    let mut heaviest: Option<(usize, Case, Customer, Vec<ActivityEvent>)> = None;
    for planted in truth.card_disputes.iter().filter(|p| p.qualifies) {
        let case: Case = rows(pool, "SELECT data FROM cases WHERE id = $1", planted.case_id).await?.remove(0);
        let customer: Customer =
            rows(pool, "SELECT data FROM customers WHERE id = $1", case.customer_id).await?.remove(0);
        let events: Vec<ActivityEvent> =
            rows(pool, "SELECT data FROM activity_events WHERE customer_id = $1", case.customer_id).await?;
        let n = events.len();
        if heaviest.as_ref().is_none_or(|(m, ..)| n > *m) {
            heaviest = Some((n, case, customer, events));
        }
    }
    let (_, case, customer, events) = heaviest.context("a qualifying chargeback")?;
    let files: Vec<FileRef> = ["bank-statement.pdf", "card-photo.jpg"]
        .iter()
        .map(|name| FileRef {
            ticket_id: case.ticket_ids[0],
            name: (*name).into(),
            content_type: "application/pdf".into(),
            size_bytes: 240_000,
            sha256: "ab".repeat(32),
            received_at: case.created_at,
        })
        .collect();
    let words: Vec<arbiter_representment::CustomerWords> = (0..10)
        .map(|i| arbiter_representment::CustomerWords {
            message_id: i,
            ticket_id: case.ticket_ids[0],
            at: case.created_at,
            text: "I bought the BTC with my own card and it arrived in my wallet. ".repeat(20),
        })
        .collect();
    let mut builds = Vec::new();
    let mut count = 0;
    let mut pdf_bytes = 0;
    for _ in 0..args.rounds {
        let t = Instant::now();
        let check = check_case(
            case.card.as_ref().context("a card")?,
            case.amount_usd_cents,
            &customer.account_id,
            &events,
            &BTreeSet::new(),
        );
        let packet = assemble(&Inputs {
            case: &case,
            customer: &customer,
            events: &events,
            messages: &words,
            files: &files,
            compelling: Some(&check),
            respond_by: None,
            network_deadline: None,
            merchant: &policy.merchant_name,
        })
        .context("a chargeback")?;
        let text = letter::draft(&packet, &policy, "en").context("a letter")?;
        let phrases = policy.phrases("en").context("phrases")?;
        let label = |n| letter::label(phrases, n);
        let doc = render::document(&packet, &text, &label, "Bench", chrono::Utc::now());
        let pdf = arbiter_report::to_pdf(&doc)?;
        let body = stripe::evidence(&packet, &text, &"cd".repeat(32));
        anyhow::ensure!(stripe::check(&body).is_empty(), "the JSON keeps Stripe's limits");
        builds.push(t.elapsed());
        count = packet.exhibits.len();
        pdf_bytes = pdf.len();
    }
    println!("the whole packet: {count} exhibits, {} events on the account, PDF {} KB", events.len(), pdf_bytes / 1024);
    summary("build a packet whole (check, exhibits, letter, PDF, JSON)", builds);
    alerts(&server, dir.path(), args.rounds).await
}

/// The disputes team's alert queue, one alert, answering, and the analytics beside them.
async fn alerts(server: &RunningServer, dir: &std::path::Path, rounds: usize) -> anyhow::Result<()> {
    let paths = DeskPaths { config_dir: dir.join("ava/config"), data_dir: dir.join("ava/data") };
    let desk = Desk::new(paths, Arc::new(MemoryStore::default()), Arc::new(NoEvents));
    desk.start().await?;
    desk.sign_in(&server.base_url(), "demo-ava").await?;
    let started = Instant::now();
    while desk.sync_status().state != SyncState::Online {
        anyhow::ensure!(started.elapsed() < Duration::from_secs(120), "the desk never came online");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let queue = desk.dispute_alerts().await?;
    println!(
        "alerts: {} open, {} answered or missed in the disputes queue ({} in the desk's copy)",
        queue.open.len(),
        queue.closed.len(),
        queue.savings.alerts
    );
    let ids: Vec<i64> = queue.open.iter().chain(&queue.closed).map(|r| r.alert.id).collect();
    anyhow::ensure!(!ids.is_empty(), "no alerts to measure");
    let (mut lists, mut details, mut reports) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        let t = Instant::now();
        desk.dispute_alerts().await?;
        lists.push(t.elapsed());
        for id in &ids {
            let t = Instant::now();
            desk.dispute_alert(*id).await?;
            details.push(t.elapsed());
        }
        let t = Instant::now();
        let report = desk.loss_analytics(arbiter_desk::LossQuery::default()).await?;
        reports.push(t.elapsed());
        anyhow::ensure!(report.alerts.alerts > 0, "the analytics count the alerts");
    }
    summary("alert queue from the cache (clocks, savings)", lists);
    summary("one alert: payment, crypto whereabouts, hold offered", details);
    summary("loss analytics with what alerts saved", reports);
    let mut answers = Vec::new();
    for row in &queue.open {
        let outcome = *arbiter_policy::alerts::outcomes_for(row.alert.kind).first().context("outcomes")?;
        let t = Instant::now();
        desk.answer_dispute_alert(row.alert.id, outcome, "bench".into(), &format!("bench-alert-{}", row.alert.id))
            .await?;
        answers.push(t.elapsed());
    }
    if !answers.is_empty() {
        summary("answer an alert (checked, queued)", answers);
    }
    Ok(())
}
