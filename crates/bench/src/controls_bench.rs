//! How fast stopping the loss reaches the second person: the reference server (SQLite, in
//! this process) and two desks on loopback — a fraud agent and the team lead — with real
//! cache files. Each round the agent freezes an account (applied at once: measured until the
//! lead's desk has the frozen account), asks to lift it (until the request is in the lead's
//! approvals), and the lead approves (until the agent's desk shows it lifted). Times from
//! the agent's (or lead's) call to the other desk's local copy, which is what the windows
//! draw from.
//!
//! `cargo run --release -p arbiter-bench --bin arbiter-controls-bench -- --rounds 30`

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use arbiter_contract::{AccountAction, RequestAction};
use arbiter_desk::{Desk, DeskPaths, MemoryStore, NoEvents, SyncState};
use arbiter_server::generator::GeneratorOptions;
use arbiter_server::{demo_database, RunningServer};
use clap::Parser;

#[derive(Parser)]
struct Args {
    /// Rounds of freeze → ask to unfreeze → approve.
    #[arg(long, default_value_t = 30)]
    rounds: usize,
}

async fn desk(dir: &std::path::Path, url: &str, token: &str) -> anyhow::Result<Desk> {
    let paths = DeskPaths { config_dir: dir.join("config"), data_dir: dir.join("data") };
    let desk = Desk::new(paths, Arc::new(MemoryStore::default()), Arc::new(NoEvents));
    desk.start().await?;
    desk.sign_in(url, token).await?;
    let started = Instant::now();
    while desk.sync_status().state != SyncState::Online {
        anyhow::ensure!(started.elapsed() < Duration::from_secs(60), "{token}'s desk never came online");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Ok(desk)
}

/// Polls `done` every millisecond; the time it took.
async fn until(what: &str, mut done: impl AsyncFnMut() -> bool) -> anyhow::Result<Duration> {
    let started = Instant::now();
    while !done().await {
        anyhow::ensure!(started.elapsed() < Duration::from_secs(20), "{what} never happened");
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    Ok(started.elapsed())
}

fn summary(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |p: usize| times[((times.len() * p).div_ceil(100)).clamp(1, times.len()) - 1];
    println!(
        "{name:<58} p50 {:>6.1} ms  p95 {:>6.1} ms  max {:>6.1} ms",
        ms(at(50)),
        ms(at(95)),
        ms(*times.last().expect("rounds"))
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile::tempdir()?;
    let options = GeneratorOptions { seed: 3, tickets: 300, now: chrono::Utc::now() };
    let db = demo_database(dir.path().join("server.db").to_str().context("path")?, &options).await?;
    let server = RunningServer::start_with(db, "127.0.0.1:0".parse()?, &arbiter_server::Config::default()).await?;
    let url = server.base_url();
    let haruto = desk(&dir.path().join("haruto"), &url, "demo-haruto").await?;
    let olga = desk(&dir.path().join("olga"), &url, "demo-olga").await?;
    tokio::time::sleep(Duration::from_millis(300)).await; // the live streams connect

    let mut customer = None;
    for row in haruto.list_tickets(arbiter_cache::InboxView::All, None, 500).await? {
        if let Some(c) = haruto.ticket(row.id).await?.customer {
            customer = Some(c.id);
            break;
        }
    }
    let customer = customer.context("a customer in the fraud queue")?;
    let ask = |action: AccountAction, reason: &str| RequestAction {
        action,
        reason: reason.into(),
        note: "bench".into(),
        expires_at: None,
    };
    let (mut placed, mut asked, mut approved) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..args.rounds {
        haruto
            .request_account_action(
                customer,
                None,
                ask(AccountAction::Freeze, "account_takeover"),
                &format!("freeze-{round}"),
            )
            .await?;
        placed.push(
            until("the freeze on the lead's desk", async || {
                olga.account_panel(customer).await.is_ok_and(|p| p.controls.frozen.is_some())
            })
            .await?,
        );
        haruto
            .request_account_action(
                customer,
                None,
                ask(AccountAction::Unfreeze, "resolved"),
                &format!("unfreeze-{round}"),
            )
            .await?;
        let mut request = None;
        asked.push(
            until("the request in the lead's approvals", async || match olga.approvals().await {
                Ok(list) if !list.is_empty() => {
                    request = Some(list[0].request.id);
                    true
                }
                _ => false,
            })
            .await?,
        );
        let id = request.context("the request")?;
        olga.answer_action_request(id, true, "bench approval".into(), &format!("approve-{round}")).await?;
        approved.push(
            until("the lifted freeze on the agent's desk", async || {
                haruto.account_panel(customer).await.is_ok_and(|p| p.controls.frozen.is_none())
            })
            .await?,
        );
    }
    println!("{} rounds, customer {customer}, server and both desks on this machine", args.rounds);
    summary("Freeze asked → frozen on the lead's desk (applied at once)", placed);
    summary("Unfreeze asked → in the lead's approvals", asked);
    summary("Lead approves → lifted on the agent's desk", approved);
    Ok(())
}
