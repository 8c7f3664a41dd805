//! The live stream applied to the cache: events land in the cache as they arrive, a dropped
//! connection resumes by Last-Event-ID without losing events, and a stream that cannot be
//! resumed says so (reset) instead of silently skipping.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use arbiter_cache::{Cache, InboxView};
use arbiter_client::{ApiClient, ApiToken};
use arbiter_contract::{StreamEvent, StreamPayload};
use arbiter_server::generator::GeneratorOptions;
use arbiter_server::{demo_database, RunningServer};
use arbiter_sync::stream::follow;
use arbiter_sync::SyncEngine;

async fn setup(dir: &std::path::Path) -> (RunningServer, Cache, ApiClient, i64) {
    let options = GeneratorOptions { seed: 6, tickets: 150, now: chrono::Utc::now() };
    let db = demo_database(dir.join("server.db").to_str().unwrap(), &options).await.unwrap();
    let server = RunningServer::start(db, "127.0.0.1:0".parse().unwrap()).await.unwrap();
    let cache = Cache::open(&dir.join("cache.sqlite")).await.unwrap();
    let client = ApiClient::new(&server.base_url(), ApiToken::new("demo-ava")).unwrap();
    SyncEngine::new(client.clone(), cache.clone()).sync(|_, _| {}).await.unwrap();
    let ticket = cache.list_tickets(InboxView::All, 1, None, 1).await.unwrap()[0].id;
    (server, cache, client, ticket)
}

fn marcus(server: &RunningServer) -> ApiClient {
    ApiClient::new(&server.base_url(), ApiToken::new("demo-marcus")).unwrap()
}

/// Follows the stream in the background until `stop_after` events arrived.
fn spawn_follow(
    client: ApiClient,
    cache: Cache,
    stop_after: usize,
) -> (tokio::task::JoinHandle<()>, Arc<Mutex<Vec<StreamEvent>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    let task = tokio::spawn(async move {
        let _ = follow(&client, &cache, |event, _| {
            let mut events = sink.lock().unwrap();
            events.push(event.clone());
            events.len() < stop_after
        })
        .await;
    });
    (task, seen)
}

async fn wait_until(what: &str, check: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !check() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn events_land_in_the_cache_and_a_dropped_stream_resumes_without_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let (server, cache, client, ticket) = setup(dir.path()).await;

    let (task, seen) = spawn_follow(client.clone(), cache.clone(), 1);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = Instant::now();
    let message = marcus(&server).post_reply(ticket, "Live from the supervisor", &[], "live-1").await.unwrap();
    task.await.unwrap();
    let elapsed = started.elapsed();
    let view = cache.ticket_view(ticket).await.unwrap().unwrap();
    assert!(view.conversation.messages.iter().any(|m| m.id == message.id), "the stream put the message in the cache");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    let first_id = seen.lock().unwrap()[0].id;
    assert_eq!(cache.stream_event_id().await.unwrap(), Some(first_id));

    // Disconnected: two more replies happen. Reconnecting resumes after the saved id.
    let m2 = marcus(&server).post_reply(ticket, "Second while away", &[], "live-2").await.unwrap();
    let m3 = marcus(&server).post_reply(ticket, "Third while away", &[], "live-3").await.unwrap();
    let (task, seen) = spawn_follow(client.clone(), cache.clone(), 2);
    wait_until("the missed events", || seen.lock().unwrap().len() == 2).await;
    task.await.unwrap();
    let replayed: Vec<i64> = seen
        .lock()
        .unwrap()
        .iter()
        .map(|e| match &e.payload {
            StreamPayload::MessageCreated { message, .. } => message.id,
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(replayed, vec![m2.id, m3.id], "the missed events, in order, nothing else");
    let view = cache.ticket_view(ticket).await.unwrap().unwrap();
    assert!(view.conversation.messages.iter().any(|m| m.id == m3.id));

    // A restarted server cannot replay: the desk is told to pull the feed.
    let addr = server.addr;
    server.kill().await;
    let db = arbiter_server::Db::connect(dir.path().join("server.db").to_str().unwrap()).await.unwrap();
    let _server = RunningServer::start(db, addr).await.unwrap();
    let (task, seen) = spawn_follow(client, cache, 1);
    task.await.unwrap();
    assert!(matches!(seen.lock().unwrap()[0].payload, StreamPayload::Reset));
}
