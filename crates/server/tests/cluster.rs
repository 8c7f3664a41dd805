//! Three server instances on one PostgreSQL database behind a real nginx on loopback, desks
//! (the desk's own stream follower and cache) spread over them: a message posted through one
//! instance reaches desks on the others; the instance holding the lease is killed mid-stream
//! while messages keep coming, and every desk still gets every message exactly once, in
//! order; the escalation sweep runs on one instance at a time, and its work moves to another
//! when that one dies.
//!
//! Needs `ARBITER_TEST_POSTGRES` (skipped without it unless `ARBITER_REQUIRE_POSTGRES` is set)
//! and nginx (`scripts/test.sh` installs it).

mod common;
#[path = "../src/bin/common/nginx.rs"]
mod nginx;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use arbiter_cache::Cache;
use arbiter_client::{ApiClient, ApiToken};
use arbiter_contract::{Message, StreamEvent, StreamPayload};
use arbiter_server::demo_database;
use arbiter_sync::stream::follow;
use arbiter_sync::SyncEngine;
use common::{http, key, AVA, MARCUS};
use nginx::{Balance, Nginx};
use serde_json::{json, Value};
use sqlx::Connection;

const GATEWAY: &str = "cluster-gateway-token";

/// One `arbiter-server serve` process.
struct Instance {
    child: Child,
    url: String,
    log: PathBuf,
}

impl Instance {
    fn start(database: &str, dir: &Path, n: usize) -> Instance {
        let log = dir.join(format!("instance-{n}.log"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_arbiter-server"))
            .args(["serve", "--database", database, "--listen", "127.0.0.1:0", "--escalation-interval-secs", "1"])
            .env("ARBITER_GATEWAY_TOKEN", GATEWAY)
            .env("RUST_LOG", "arbiter_server=info")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("arbiter-server starts");
        let mut line = String::new();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        while !line.contains("listening on") {
            line.clear();
            assert!(out.read_line(&mut line).unwrap() > 0, "instance {n} exited: {}", read(&log));
        }
        let url = line.trim().rsplit(' ').next().unwrap().to_owned();
        Instance { child, url, log }
    }

    fn holds_lease(&self) -> bool {
        read(&self.log).contains("this instance holds the lease")
    }

    fn kill(&mut self) {
        self.child.kill().unwrap(); // SIGKILL: no goodbye to the database or the desks
        self.child.wait().unwrap();
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// A desk: its own cache, synced, following the stream through `base` and reconnecting
/// as the desk app does; it records every event it was sent.
struct Desk {
    name: String,
    seen: Arc<Mutex<Vec<StreamEvent>>>,
    /// Times its stream was cut and made again.
    reconnects: Arc<std::sync::atomic::AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Desk {
    async fn start(name: String, base: &str, token: &str, dir: &Path) -> Desk {
        let cache = Cache::open(&dir.join(format!("{name}.sqlite"))).await.unwrap();
        let client = ApiClient::new(base, ApiToken::new(token)).unwrap();
        SyncEngine::new(client.clone(), cache.clone()).sync_with_retries(10).await.unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let reconnects = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let (sink, cuts) = (seen.clone(), reconnects.clone());
        let task = tokio::spawn(async move {
            loop {
                let _ = follow(&client, &cache, |event, _| {
                    sink.lock().unwrap().push(event.clone());
                    true
                })
                .await;
                cuts.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        });
        Desk { name, seen, reconnects, task }
    }

    /// Ids of the messages it was told of, as often as it was told.
    fn messages(&self) -> Vec<i64> {
        self.seen
            .lock()
            .unwrap()
            .iter()
            .filter_map(|e| match &e.payload {
                StreamPayload::MessageCreated { message, .. } => Some(message.id),
                _ => None,
            })
            .collect()
    }

    /// Every event once, in increasing id order, and no reset (nothing had to be re-pulled).
    fn assert_in_order_once(&self) {
        let seen = self.seen.lock().unwrap();
        for pair in seen.windows(2) {
            assert!(pair[0].id < pair[1].id, "{}: event {} then {}", self.name, pair[0].id, pair[1].id);
        }
        assert!(!seen.iter().any(|e| matches!(e.payload, StreamPayload::Reset)), "{}: a reset", self.name);
    }
}

async fn wait_for(what: &str, timeout: Duration, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !check() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A reply by Marcus through `base`, repeated under the same idempotency key while
/// instances die, as the desk's outbox does.
async fn reply(base: &str, ticket: i64, text: &str) -> Message {
    let marcus = ApiClient::new(base, ApiToken::new(MARCUS)).unwrap();
    let key = key();
    let mut last = None;
    for _ in 0..50 {
        match marcus.post_reply(ticket, text, &[], &key).await {
            Ok(message) => return message,
            Err(error) => last = Some(error),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{text}: never accepted: {last:?}");
}

/// A customer's message through the channel gateway (written to the bus by its writer, not
/// in a mutation's transaction).
async fn customer_writes(base: &str, ticket: i64, text: &str) -> Message {
    let answer = http()
        .post(format!("{base}/v1/inbound/tickets/{ticket}/messages"))
        .bearer_auth(GATEWAY)
        .json(&json!({ "text": text }))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 201);
    answer.json().await.unwrap()
}

async fn fresh_database() -> Option<String> {
    let Ok(admin) = std::env::var("ARBITER_TEST_POSTGRES") else {
        assert!(std::env::var_os("ARBITER_REQUIRE_POSTGRES").is_none(), "ARBITER_TEST_POSTGRES is not set");
        eprintln!("cluster test skipped: ARBITER_TEST_POSTGRES is not set");
        return None;
    };
    let name = format!("arbiter_cluster_{}", std::process::id());
    let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await.unwrap();
    let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
    Some(format!("{base}/{name}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_instances_behind_nginx_share_the_stream_and_the_sweeps() {
    let Some(database) = fresh_database().await else { return };
    tokio::time::timeout(Duration::from_secs(180), run(database)).await.expect("the cluster test finished in time");
}

async fn run(database: String) {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_database(&database, &common::options(200)).await.unwrap();
    let ticket: i64 = sqlx::query_scalar(
        "SELECT id FROM tickets WHERE queue = 'disputes' AND status IN ('new', 'open', 'pending') ORDER BY id LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();

    let mut instances: Vec<Instance> = (0..3).map(|n| Instance::start(&database, dir.path(), n)).collect();
    let upstreams: Vec<String> = instances.iter().map(|i| i.url.clone()).collect();
    let nginx = Nginx::start(dir.path(), &upstreams, Balance::ByConnection);

    // The sweep runs on one instance: one of them holds the lease, and what it raised on
    // start is raised once.
    wait_for("an instance to hold the lease", Duration::from_secs(10), || instances.iter().any(Instance::holds_lease))
        .await;
    tokio::time::sleep(Duration::from_secs(3)).await; // sweeps of the others would have run by now
    assert_eq!(instances.iter().filter(|i| i.holds_lease()).count(), 1, "one lease holder");
    let duplicates: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT ticket_id, data::jsonb->>'reason', data::jsonb->>'level'
           FROM escalations WHERE ticket_id IS NOT NULL GROUP BY 1, 2, 3 HAVING COUNT(*) > 1) d",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(duplicates, 0, "each escalation raised once");

    // Desks: one on each instance directly, and six through the balancer.
    let mut desks = Vec::new();
    for (n, instance) in instances.iter().enumerate() {
        desks.push(Desk::start(format!("direct-{n}"), &instance.url, AVA, dir.path()).await);
    }
    for n in 0..12 {
        desks.push(
            Desk::start(format!("balanced-{n}"), &nginx.url, if n % 2 == 0 { AVA } else { MARCUS }, dir.path()).await,
        );
    }
    tokio::time::sleep(Duration::from_millis(500)).await;

    // A reply posted through one instance, and a customer's message through another, reach
    // the desks on every instance.
    let first = reply(&instances[0].url, ticket, "Posted through the first instance").await;
    let second = customer_writes(&instances[1].url, ticket, "Written through the second instance").await;
    for desk in &desks {
        wait_for(&format!("{} to hear both", desk.name), Duration::from_secs(10), || {
            let seen = desk.messages();
            seen.contains(&first.id) && seen.contains(&second.id)
        })
        .await;
    }

    // An order-insight alert whose two hours run out in a few seconds: the sweep expires it,
    // on whichever instance holds the lease by then.
    let alert: Value = http()
        .post(format!("{}/v1/inbound/dispute-alerts", nginx.url))
        .bearer_auth(GATEWAY)
        .json(&json!({
            "kind": "order_insight", "external_id": "cluster-oi-1", "network": "visa", "card_last4": "4242",
            "arn": null, "amount_minor": 5000, "currency": "USD",
            "transaction_at": (chrono::Utc::now() - chrono::Duration::days(3)).to_rfc3339(),
            "raised_at": (chrono::Utc::now() - chrono::Duration::hours(2) + chrono::Duration::seconds(6)).to_rfc3339(),
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(alert["status"], "open", "{alert}");

    // Messages keep coming through the balancer while the lease holder is killed, and then
    // a second instance: whichever instances the balanced desks' streams were on, most of
    // them lose theirs and come back through the balancer.
    let holder = instances.iter().position(Instance::holds_lease).unwrap();
    let second_victim = (holder + 1) % 3;
    let survivor = 3 - holder - second_victim;
    let mut posted = vec![first.id, second.id];
    for n in 0..30 {
        if n == 10 {
            instances[holder].kill();
        }
        if n == 20 {
            instances[second_victim].kill();
        }
        posted.push(reply(&nginx.url, ticket, &format!("Reply {n} through the balancer")).await.id);
    }
    // The desks bound to the dead instances go with them.
    let direct: Vec<Desk> = desks.drain(..3).collect();
    for (n, desk) in direct.into_iter().enumerate() {
        if n == survivor {
            desks.push(desk);
        } else {
            desk.task.abort();
        }
    }

    wait_for("the survivor to take the lease", Duration::from_secs(10), || instances[survivor].holds_lease()).await;
    for desk in &desks {
        wait_for(&format!("{} to hear every message", desk.name), Duration::from_secs(20), || {
            let seen: BTreeSet<i64> = desk.messages().into_iter().collect();
            posted.iter().all(|id| seen.contains(id))
        })
        .await;
    }
    let reconnected: usize = desks.iter().map(|d| d.reconnects.load(std::sync::atomic::Ordering::SeqCst)).sum();
    eprintln!("streams made again through the balancer: {reconnected}");
    assert!(reconnected > 0, "desks' streams were on the dead instances");
    for desk in &desks {
        desk.assert_in_order_once();
        let mut counts: BTreeMap<i64, usize> = BTreeMap::new();
        for id in desk.messages() {
            *counts.entry(id).or_default() += 1;
        }
        for id in &posted {
            assert_eq!(counts[id], 1, "{}: message {id} heard {} times", desk.name, counts[id]);
        }
    }

    // The sweep on the new holder expired the alert, once.
    let id = alert["id"].as_i64().unwrap();
    wait_for("the alert to expire", Duration::from_secs(15), || {
        desks.iter().all(|desk| {
            desk.seen.lock().unwrap().iter().any(|e| matches!(&e.payload, StreamPayload::DisputeAlert { alert } if alert.id == id && alert.status == arbiter_contract::AlertStatus::Expired))
        })
    })
    .await;
    let expiries: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'alert.expire' AND entity_id = $1")
            .bind(id)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(expiries, 1, "expired once");
    drop(nginx);
}
