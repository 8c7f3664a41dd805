//! The sync engine against the real reference server on loopback, into real SQLite files.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::Path;

use arbiter_cache::Cache;
use arbiter_client::{ApiClient, ApiToken};
use arbiter_server::generator::GeneratorOptions;
use arbiter_server::{demo_database, RunningServer};
use arbiter_sync::SyncEngine;
use sqlx::SqlitePool;

const TOKEN: &str = "demo-ava";

fn options(tickets: u32) -> GeneratorOptions {
    GeneratorOptions { seed: 5, tickets, now: "2026-11-20T12:00:00Z".parse().unwrap() }
}

async fn start(db: &Path, tickets: u32, listen: &str) -> RunningServer {
    let pool = demo_database(db.to_str().unwrap(), &options(tickets)).await.unwrap();
    RunningServer::start(pool, listen.parse().unwrap()).await.unwrap()
}

fn engine(server_url: &str, cache: &Cache, page_size: u32) -> SyncEngine {
    let client = ApiClient::new(server_url, ApiToken::new(TOKEN)).unwrap();
    SyncEngine::new(client, cache.clone()).with_page_size(page_size)
}

type Snapshot = BTreeMap<String, Vec<(i64, String)>>;

/// Every row of every cache table, as comparable text.
async fn snapshot(path: &Path) -> Snapshot {
    let pool = SqlitePool::connect(&format!("sqlite://{}", path.display())).await.unwrap();
    let queries = [
        ("agents", "SELECT id, data FROM agents ORDER BY id"),
        ("customers", "SELECT id, data FROM customers ORDER BY id"),
        ("tickets", "SELECT id, data FROM tickets ORDER BY id"),
        ("messages", "SELECT id, data FROM messages ORDER BY id"),
        ("notes", "SELECT id, data FROM notes ORDER BY id"),
        ("entities", "SELECT id, kind || data FROM entities ORDER BY kind, id"),
        ("search", "SELECT entity_id, kind || text_hash FROM search_docs ORDER BY kind, entity_id"),
    ];
    let mut out = Snapshot::new();
    for (table, sql) in queries {
        out.insert(table.to_owned(), sqlx::query_as(sql).fetch_all(&pool).await.unwrap());
    }
    pool.close().await;
    out
}

/// What a cache synced in one go from scratch holds: the reference every interrupted,
/// resumed or repeated sync must equal exactly (no gaps, no duplicates).
async fn reference(server_url: &str, dir: &Path) -> Snapshot {
    let path = dir.join(format!("reference-{}.sqlite", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let cache = Cache::open(&path).await.unwrap();
    engine(server_url, &cache, 5_000).sync(|_, _| {}).await.unwrap();
    cache.close().await;
    snapshot(&path).await
}

async fn assert_same(cache_file: &Path, server_url: &str, dir: &Path) {
    let (mine, expected) = (snapshot(cache_file).await, reference(server_url, dir).await);
    for table in expected.keys() {
        assert_eq!(mine[table].len(), expected[table].len(), "{table}: row counts differ");
        assert!(mine[table] == expected[table], "{table}: rows differ");
    }
    assert!(!expected["tickets"].is_empty(), "the agent sees tickets");
}

/// The tickets the demo agent may see, by the server's own rule.
async fn visible_tickets(db: &arbiter_server::Db) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM tickets WHERE queue = 'disputes' OR assignee_id = 1")
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn syncing_twice_adds_no_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(&dir.path().join("server.db"), 300, "127.0.0.1:0").await;
    let cache_file = dir.path().join("cache.sqlite");
    let cache = Cache::open(&cache_file).await.unwrap();
    let sync = engine(&server.base_url(), &cache, 500);

    let first = sync.sync(|_, _| {}).await.unwrap();
    assert!(first.pages > 1, "several pages: {first:?}");
    let tickets = cache.table_counts().await.unwrap().into_iter().find(|(t, _)| t == "tickets").unwrap().1;
    assert_eq!(tickets, visible_tickets(server.db()).await, "exactly the tickets in the agent's scope");
    assert_eq!(first.cursor, first.head);
    assert_same(&cache_file, &server.base_url(), dir.path()).await;

    let second = sync.sync(|_, _| {}).await.unwrap();
    assert_eq!(second.changes, 0);
    assert_eq!(second.cursor, first.cursor);
    assert_same(&cache_file, &server.base_url(), dir.path()).await;

    // Re-applying pages the cache already holds (a crash between apply and ack) changes nothing.
    let client = ApiClient::new(&server.base_url(), ApiToken::new(TOKEN)).unwrap();
    let page = client.changes(0, 700, None).await.unwrap();
    cache.apply_page(&page).await.unwrap();
    assert_eq!(cache.position().await.unwrap().cursor, first.cursor, "the cursor never moves back");
    assert_same(&cache_file, &server.base_url(), dir.path()).await;
}

#[tokio::test]
async fn a_sync_stopped_half_way_resumes_without_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(&dir.path().join("server.db"), 300, "127.0.0.1:0").await;
    let cache_file = dir.path().join("cache.sqlite");

    // Stop after three pages, and close the cache as an app that quits would.
    {
        let cache = Cache::open(&cache_file).await.unwrap();
        let report = engine(&server.base_url(), &cache, 250).sync_pages(3, |_, _| {}).await.unwrap();
        assert_eq!(report.pages, 3);
        assert!(report.cursor < report.head);
        cache.close().await;
    }
    // A ticket the agent sees (any, once the whole feed is in).
    let ticket = {
        let path = dir.path().join("peek.sqlite");
        let peek = Cache::open(&path).await.unwrap();
        engine(&server.base_url(), &peek, 5_000).sync(|_, _| {}).await.unwrap();
        peek.list_tickets(arbiter_cache::InboxView::All, 1, None, 1).await.unwrap()[0].id
    };
    // Meanwhile the server moves on: new activity on a ticket already synced.
    let client = ApiClient::new(&server.base_url(), ApiToken::new(TOKEN)).unwrap();
    client.post_reply(ticket, "Following up on your request.", &[], "resume-test-1").await.unwrap();

    let cache = Cache::open(&cache_file).await.unwrap();
    let before = cache.position().await.unwrap().cursor;
    let report = engine(&server.base_url(), &cache, 250).sync(|_, _| {}).await.unwrap();
    assert!(before > 0);
    assert_eq!(report.cursor, report.head);
    assert_same(&cache_file, &server.base_url(), dir.path()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_dies_mid_sync_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.db");
    let server = start(&db, 300, "127.0.0.1:0").await;
    let addr: SocketAddr = server.addr;
    let cache_file = dir.path().join("cache.sqlite");
    let cache = Cache::open(&cache_file).await.unwrap();

    // The server process dies right after serving the fourth page.
    let kill = server.abort_handle();
    let mut pages = 0;
    let result = engine(&server.base_url(), &cache, 200)
        .sync(|_, _| {
            pages += 1;
            if pages == 4 {
                kill.abort();
            }
        })
        .await;
    let error = result.expect_err("the server died");
    assert!(error.is_transient(), "a dead server is a network error: {error}");
    let stopped_at = cache.position().await.unwrap().cursor;
    assert!(stopped_at > 0);
    server.kill().await;

    // It comes back on the same address and database; the desk picks up where it stopped.
    let server = start(&db, 300, &addr.to_string()).await;
    let report = engine(&server.base_url(), &cache, 200).sync(|_, _| {}).await.unwrap();
    assert_eq!(report.cursor, report.head);
    assert_same(&cache_file, &server.base_url(), dir.path()).await;
}

#[tokio::test]
async fn a_rebuilt_server_makes_the_cache_start_over() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(&dir.path().join("a.db"), 80, "127.0.0.1:0").await;
    let addr = server.addr;
    let cache_file = dir.path().join("cache.sqlite");
    let cache = Cache::open(&cache_file).await.unwrap();
    engine(&server.base_url(), &cache, 1000).sync(|_, _| {}).await.unwrap();
    server.kill().await;

    // Same address, different database (a new demo, a restored backup): a new feed id.
    let server = start(&dir.path().join("b.db"), 40, &addr.to_string()).await;
    let report = engine(&server.base_url(), &cache, 1000).sync(|_, _| {}).await.unwrap();
    assert!(report.reset);
    assert_same(&cache_file, &server.base_url(), dir.path()).await;
}

#[tokio::test]
async fn a_cursor_older_than_the_compacted_feed_makes_the_cache_start_over() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(&dir.path().join("server.db"), 120, "127.0.0.1:0").await;
    let cache_file = dir.path().join("cache.sqlite");
    let cache = Cache::open(&cache_file).await.unwrap();
    engine(&server.base_url(), &cache, 1000).sync(|_, _| {}).await.unwrap();

    // While the desk is away, the supervisor moves a ticket out of the agent's view (a
    // tombstone for the agent), then the server compacts tombstones past the desk's cursor.
    let (moved, horizon) = move_out_and_compact(&server, &cache, "move-out-1").await;
    assert!(horizon > cache.position().await.unwrap().cursor, "the desk's cursor is now too old");

    // The server refuses the old cursor; the engine starts over and misses nothing.
    let report = engine(&server.base_url(), &cache, 1000).sync(|_, _| {}).await.unwrap();
    assert!(report.reset, "{report:?}");
    assert!(cache.ticket_view(moved).await.unwrap().is_none(), "the moved ticket is gone");
    assert_same(&cache_file, &server.base_url(), dir.path()).await;
}

/// Moves a dispute that is not Ava's own out of her view (a tombstone she sees) and compacts
/// every tombstone: the feed's horizon is then near its head. Returns the ticket and the
/// horizon.
async fn move_out_and_compact(server: &RunningServer, cache: &Cache, key: &str) -> (i64, i64) {
    let tickets = cache.list_tickets(arbiter_cache::InboxView::All, 1, None, 500).await.unwrap();
    let moved = tickets
        .iter()
        .find(|t| t.queue == "disputes" && t.assignee_name.as_deref() != Some("Ava Chen"))
        .expect("a dispute that is not Ava's own");
    let supervisor = ApiClient::new(&server.base_url(), ApiToken::new("demo-marcus")).unwrap();
    let current = supervisor.ticket(moved.id).await.unwrap().ticket;
    let update = arbiter_contract::TicketUpdate { queue: Some("payments".into()), ..Default::default() };
    supervisor.update_ticket(moved.id, current.version, &update, key).await.unwrap();
    let horizon =
        arbiter_server::store::feed::compact_tombstones(server.db(), chrono::Utc::now().timestamp_millis() + 1)
            .await
            .unwrap();
    (moved.id, horizon)
}

#[tokio::test]
async fn a_desk_syncs_from_scratch_after_compaction_and_restarts_when_it_lands_mid_sync() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(&dir.path().join("server.db"), 120, "127.0.0.1:0").await;
    let first = Cache::open(&dir.path().join("first.sqlite")).await.unwrap();
    engine(&server.base_url(), &first, 5_000).sync(|_, _| {}).await.unwrap();
    let (_, horizon) = move_out_and_compact(&server, &first, "move-out-a").await;

    // A new desk's first pages lie below the horizon: they have nothing compaction removed,
    // so the sync goes through in small pages without starting over.
    let cache_file = dir.path().join("cache.sqlite");
    let cache = Cache::open(&cache_file).await.unwrap();
    let report = engine(&server.base_url(), &cache, 100).sync_pages(2, |_, _| {}).await.unwrap();
    assert!(report.cursor < horizon && report.cursor > 0, "stopped below the horizon: {report:?} {horizon}");
    let report = engine(&server.base_url(), &cache, 100).sync(|_, _| {}).await.unwrap();
    assert!(!report.reset && report.pages > 2, "{report:?}");
    assert_eq!(cache.position().await.unwrap().horizon, Some(horizon));
    assert_same(&cache_file, &server.base_url(), dir.path()).await;

    // A compaction while a desk is mid-sync below the new horizon: it may hold what the
    // compacted tombstones removed, so it starts over, and ends equal to the server.
    let late_file = dir.path().join("late.sqlite");
    let late = Cache::open(&late_file).await.unwrap();
    let report = engine(&server.base_url(), &late, 100).sync_pages(2, |_, _| {}).await.unwrap();
    engine(&server.base_url(), &first, 5_000).sync(|_, _| {}).await.unwrap();
    let (_, newer) = move_out_and_compact(&server, &first, "move-out-b").await;
    assert!(newer > horizon && report.cursor < newer, "{report:?} {newer}");
    let report = engine(&server.base_url(), &late, 100).sync(|_, _| {}).await.unwrap();
    assert!(report.reset, "{report:?}");
    assert_same(&late_file, &server.base_url(), dir.path()).await;
}

#[tokio::test]
async fn a_bad_token_is_refused_and_the_cache_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(&dir.path().join("server.db"), 20, "127.0.0.1:0").await;
    let cache = Cache::open(&dir.path().join("cache.sqlite")).await.unwrap();
    let client = ApiClient::new(&server.base_url(), ApiToken::new("wrong")).unwrap();
    let error = SyncEngine::new(client, cache.clone()).sync(|_, _| {}).await.unwrap_err();
    assert!(matches!(error, arbiter_sync::SyncError::Client(arbiter_client::ClientError::Unauthorized(_))), "{error}");
    assert_eq!(cache.position().await.unwrap().cursor, 0);
}
