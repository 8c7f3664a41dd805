//! The desk killed with SIGKILL at random points — during an initial sync and during outbox
//! replay, 20+ times each — opens a consistent cache afterwards, loses nothing, duplicates
//! nothing, and applies every queued action exactly once.
//!
//! The child process is this test binary run again with `CRASH_CHILD` set, executing only
//! `child_entry`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use arbiter_cache::{Action, Cache, InboxView};
use arbiter_client::{ApiClient, ApiToken};
use arbiter_server::generator::GeneratorOptions;
use arbiter_server::{demo_database, RunningServer};
use arbiter_sync::SyncEngine;
use rand::{Rng, SeedableRng};
use sqlx::SqlitePool;

const TRIALS: usize = 20;

fn engine(url: &str, cache: &Cache, page: u32) -> SyncEngine {
    SyncEngine::new(ApiClient::new(url, ApiToken::new("demo-ava")).unwrap(), cache.clone()).with_page_size(page)
}

/// Run as a child: sync or push against `CRASH_URL` into `CRASH_CACHE` until killed.
#[tokio::test]
async fn child_entry() {
    let Ok(mode) = std::env::var("CRASH_CHILD") else { return };
    let url = std::env::var("CRASH_URL").unwrap();
    let cache = Cache::open(Path::new(&std::env::var("CRASH_CACHE").unwrap())).await.unwrap();
    let engine = engine(&url, &cache, 20);
    match mode.as_str() {
        "sync" => {
            engine.sync(|_, _| {}).await.unwrap();
        }
        _ => {
            engine.push().await.unwrap();
        }
    }
}

fn spawn_child(mode: &str, url: &str, cache: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_entry", "--nocapture", "--test-threads", "1"])
        .env("CRASH_CHILD", mode)
        .env("CRASH_URL", url)
        .env("CRASH_CACHE", cache)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Kills a child at a random moment; `true` if it finished before the kill.
async fn kill_at_random(mode: &str, url: &str, cache: &Path, rng: &mut impl Rng, max_ms: u64) -> bool {
    let mut child = spawn_child(mode, url, cache);
    tokio::time::sleep(Duration::from_millis(rng.random_range(30..max_ms))).await;
    let finished = child.try_wait().unwrap().is_some();
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
    finished
}

async fn check_integrity(cache: &Path) {
    let pool = SqlitePool::connect(&format!("sqlite://{}", cache.display())).await.unwrap();
    let result: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&pool).await.unwrap();
    assert_eq!(result, "ok");
    pool.close().await;
}

async fn dump(cache: &Path) -> Vec<(String, i64, String)> {
    let pool = SqlitePool::connect(&format!("sqlite://{}", cache.display())).await.unwrap();
    let rows = sqlx::query_as(
        "SELECT 'ticket', id, data FROM tickets UNION ALL SELECT 'message', id, data FROM messages
         UNION ALL SELECT 'customer', id, data FROM customers UNION ALL SELECT 'note', id, data FROM notes
         UNION ALL SELECT kind, id, data FROM entities
         UNION ALL SELECT 'search:' || kind, entity_id, CAST(text_hash AS TEXT) FROM search_docs ORDER BY 1, 2",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    rows
}

async fn server(dir: &Path) -> RunningServer {
    let options = GeneratorOptions { seed: 8, tickets: 300, now: "2026-11-20T12:00:00Z".parse().unwrap() };
    let db = demo_database(dir.join("server.db").to_str().unwrap(), &options).await.unwrap();
    // The trials make hundreds of requests a second; this test is about crashes, not limits.
    let config = arbiter_server::Config {
        rate_limit: arbiter_server::rate_limit::RateLimit { per_second: 100_000.0, burst: 100_000.0 },
        ..Default::default()
    };
    RunningServer::start_with(db, "127.0.0.1:0".parse().unwrap(), &config).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_during_sync_the_cache_stays_consistent_and_completes_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let url = server.base_url();
    let cache_file: PathBuf = dir.path().join("cache.sqlite");
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
    let mut last_cursor = 0;
    let mut killed = 0;
    let mut runs = 0;
    while killed < TRIALS {
        runs += 1;
        assert!(runs < TRIALS * 5, "could not cut {TRIALS} syncs short");
        let finished = kill_at_random("sync", &url, &cache_file, &mut rng, 600).await;
        check_integrity(&cache_file).await;
        let cache = Cache::open(&cache_file).await.unwrap();
        let position = cache.position().await.unwrap();
        assert!(position.cursor >= last_cursor, "the cursor never goes back");
        last_cursor = position.cursor;
        if finished || position.cursor == position.head {
            // Done: start over (a re-sync from scratch), so the next kill lands mid-sync again.
            cache.reset().await.unwrap();
            last_cursor = 0;
        } else {
            killed += 1;
        }
        cache.close().await;
    }

    let cache = Cache::open(&cache_file).await.unwrap();
    engine(&url, &cache, 500).sync(|_, _| {}).await.unwrap();
    cache.close().await;
    let reference_file = dir.path().join("reference.sqlite");
    let reference = Cache::open(&reference_file).await.unwrap();
    engine(&url, &reference, 5_000).sync(|_, _| {}).await.unwrap();
    reference.close().await;
    let (mine, expected) = (dump(&cache_file).await, dump(&reference_file).await);
    assert_eq!(mine.len(), expected.len(), "no gaps, no duplicates");
    assert!(mine == expected, "the same rows as one uninterrupted sync");
}

/// Queues 25 more replies and notes, remembering their ids.
async fn queue_more(cache: &Cache, tickets: &[i64], ids: &mut Vec<(String, i64, bool)>) {
    let start = ids.len();
    for n in start..start + 25 {
        let id = format!("crash-action-{n}");
        let ticket = tickets[n % tickets.len()];
        let note = n % 3 == 0;
        let action = if note {
            Action::Note { ticket_id: ticket, body: format!("note {n}"), files: vec![] }
        } else {
            Action::Reply { ticket_id: ticket, body: format!("reply {n}"), files: vec![] }
        };
        cache.enqueue(&id, &action).await.unwrap();
        ids.push((id, ticket, note));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_during_outbox_replay_every_action_lands_exactly_once() {
    let _ = tracing_subscriber::fmt().with_env_filter("arbiter_server=error").with_test_writer().try_init();
    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let url = server.base_url();
    let cache_file: PathBuf = dir.path().join("cache.sqlite");
    let cache = Cache::open(&cache_file).await.unwrap();
    engine(&url, &cache, 5_000).sync(|_, _| {}).await.unwrap();
    let tickets: Vec<i64> =
        cache.list_tickets(InboxView::All, 1, None, 20).await.unwrap().iter().map(|t| t.id).collect();
    let mut ids = Vec::new();
    queue_more(&cache, &tickets, &mut ids).await;
    cache.close().await;

    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(2);
    let (mut cut, mut runs) = (0, 0);
    while cut < TRIALS {
        runs += 1;
        assert!(runs < TRIALS * 5, "could not cut {TRIALS} replays short");
        let finished = kill_at_random("push", &url, &cache_file, &mut rng, 200).await;
        check_integrity(&cache_file).await;
        let cache = Cache::open(&cache_file).await.unwrap();
        let left = cache.outbox_to_send().await.unwrap().len();
        if !finished && left > 0 {
            cut += 1;
        }
        if left == 0 {
            queue_more(&cache, &tickets, &mut ids).await;
        }
        cache.close().await;
    }
    let cache = Cache::open(&cache_file).await.unwrap();
    engine(&url, &cache, 500).push().await.unwrap();
    assert!(cache.outbox_open().await.unwrap().is_empty(), "everything was sent");

    // Exactly once on the server, whatever was cut off where.
    let messages: Vec<String> =
        sqlx::query_scalar("SELECT data FROM messages").fetch_all(&server.db().pool).await.unwrap();
    let notes: Vec<String> = sqlx::query_scalar("SELECT data FROM notes").fetch_all(&server.db().pool).await.unwrap();
    for (id, _, is_note) in &ids {
        let needle = format!("\"client_ref\":\"{id}\"");
        let found = if *is_note { &notes } else { &messages };
        assert_eq!(found.iter().filter(|m| m.contains(&needle)).count(), 1, "{id} applied exactly once");
    }
}
