//! The sync engine through a chaos proxy in front of the real server: 429 storms with
//! Retry-After, 5xx bursts, malformed and truncated JSON, and a server that is not there at
//! first. Every run still ends with exactly what one clean sync gives, and every queued
//! action applied once.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use arbiter_cache::{Action, Cache, InboxView};
use arbiter_client::{ApiClient, ApiToken};
use arbiter_server::generator::GeneratorOptions;
use arbiter_server::{demo_database, Config, RunningServer};
use arbiter_sync::SyncEngine;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sqlx::SqlitePool;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Fault {
    TooMany { retry_after: u64 },
    ServerError,
    Malformed,
    Truncated,
}

#[derive(Clone)]
struct Proxy {
    upstream: String,
    /// `None` passes a request through untouched.
    faults: Arc<Mutex<VecDeque<Option<Fault>>>>,
    served: Arc<Mutex<Vec<Option<Fault>>>>,
    http: reqwest::Client,
}

async fn forward(State(proxy): State<Proxy>, request: Request) -> Response {
    let fault = proxy.faults.lock().unwrap().pop_front().flatten();
    proxy.served.lock().unwrap().push(fault);
    match fault {
        Some(Fault::TooMany { retry_after }) => {
            let mut response = (StatusCode::TOO_MANY_REQUESTS, "{\"code\":\"rate_limited\",\"message\":\"slow down\"}")
                .into_response();
            response.headers_mut().insert("retry-after", HeaderValue::from(retry_after));
            return response;
        }
        Some(Fault::ServerError) => return (StatusCode::SERVICE_UNAVAILABLE, "upstream overloaded").into_response(),
        Some(Fault::Malformed) => return (StatusCode::OK, "<html>gateway says hello</html>").into_response(),
        _ => {}
    }
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
    let url = format!("{}{}", proxy.upstream, parts.uri.path_and_query().map_or("", |p| p.as_str()));
    let mut outgoing = proxy.http.request(parts.method.clone(), url).body(bytes.to_vec());
    for (name, value) in &parts.headers {
        if name != "host" && name != "content-length" {
            outgoing = outgoing.header(name, value);
        }
    }
    let answer = outgoing.send().await.unwrap();
    let status = answer.status();
    let headers = answer.headers().clone();
    let mut body = answer.bytes().await.unwrap().to_vec();
    if fault == Some(Fault::Truncated) {
        body.truncate(body.len() / 2);
    }
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    for (name, value) in &headers {
        if name != "content-length" && name != "transfer-encoding" {
            response.headers_mut().insert(name, value.clone());
        }
    }
    response
}

async fn start_proxy(upstream: String, faults: Vec<Option<Fault>>) -> (String, Proxy) {
    let proxy = Proxy {
        upstream,
        faults: Arc::new(Mutex::new(faults.into())),
        served: Arc::new(Mutex::new(Vec::new())),
        http: reqwest::Client::new(),
    };
    let app = axum::Router::new().fallback(forward).with_state(proxy.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), proxy)
}

async fn server(dir: &std::path::Path, listen: SocketAddr) -> RunningServer {
    let options = GeneratorOptions { seed: 12, tickets: 200, now: "2026-11-20T12:00:00Z".parse().unwrap() };
    let db = demo_database(dir.join("server.db").to_str().unwrap(), &options).await.unwrap();
    RunningServer::start_with(db, listen, &Config::default()).await.unwrap()
}

fn engine(url: &str, cache: &Cache) -> SyncEngine {
    SyncEngine::new(ApiClient::new(url, ApiToken::new("demo-ava")).unwrap(), cache.clone()).with_page_size(200)
}

async fn dump(cache: &std::path::Path) -> Vec<(String, i64, String)> {
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

async fn reference(url: &str, dir: &std::path::Path) -> Vec<(String, i64, String)> {
    let path = dir.join("reference.sqlite");
    let cache = Cache::open(&path).await.unwrap();
    engine(url, &cache).sync(|_, _| {}).await.unwrap();
    cache.close().await;
    dump(&path).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn storms_bursts_and_garbage_end_in_a_complete_exact_sync() {
    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path(), "127.0.0.1:0".parse().unwrap()).await;
    use Fault::*;
    // A storm of 429s, then bursts of 5xx and garbage between good answers.
    let faults = vec![
        Some(TooMany { retry_after: 1 }),
        Some(TooMany { retry_after: 1 }),
        Some(TooMany { retry_after: 1 }),
        None,
        Some(ServerError),
        Some(ServerError),
        None,
        None,
        Some(Malformed),
        None,
        Some(Truncated),
        None,
        Some(ServerError),
        Some(Truncated),
        None,
        Some(TooMany { retry_after: 1 }),
    ];
    let (url, proxy) = start_proxy(server.base_url(), faults).await;
    let cache_file = dir.path().join("cache.sqlite");
    let cache = Cache::open(&cache_file).await.unwrap();
    let started = Instant::now();
    let report = engine(&url, &cache).sync_with_retries(30).await.unwrap();
    let elapsed = started.elapsed();
    assert_eq!(report.cursor, report.head);
    assert!(proxy.faults.lock().unwrap().is_empty(), "every fault was met");
    assert!(elapsed >= Duration::from_secs(4), "Retry-After was honoured: {elapsed:?}");
    assert!(elapsed < Duration::from_secs(40), "intermittent trouble does not back off for long: {elapsed:?}");
    cache.close().await;
    assert!(
        dump(&cache_file).await == reference(&server.base_url(), dir.path()).await,
        "no gaps, no duplicates, no garbage"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queued_actions_survive_5xx_bursts_and_lost_answers_once() {
    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path(), "127.0.0.1:0".parse().unwrap()).await;
    let cache = Cache::open(&dir.path().join("cache.sqlite")).await.unwrap();
    engine(&server.base_url(), &cache).sync(|_, _| {}).await.unwrap();
    let ticket = cache.list_tickets(InboxView::All, 1, None, 1).await.unwrap()[0].id;
    for n in 0..5 {
        cache
            .enqueue(
                &format!("burst-{n}"),
                &Action::Reply { ticket_id: ticket, body: format!("reply {n}"), files: vec![] },
            )
            .await
            .unwrap();
    }
    use Fault::*;
    // A truncated answer is one the server committed but the desk could not read: the
    // resend with the same key must not post twice.
    let (url, _) = start_proxy(
        server.base_url(),
        vec![
            Some(ServerError),
            Some(Truncated),
            None,
            Some(ServerError),
            Some(Truncated),
            None,
            Some(Malformed),
            Some(Truncated),
        ],
    )
    .await;
    engine(&url, &cache).sync_with_retries(20).await.unwrap();
    assert!(cache.outbox_open().await.unwrap().is_empty());
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT data FROM messages").fetch_all(&server.db().pool).await.unwrap();
    for n in 0..5 {
        let needle = format!("\"client_ref\":\"burst-{n}\"");
        assert_eq!(stored.iter().filter(|m| m.contains(&needle)).count(), 1, "burst-{n} once");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_is_not_there_at_first_is_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    // Take a free port, then leave it closed for a while.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let cache = Cache::open(&dir.path().join("cache.sqlite")).await.unwrap();
    let url = format!("http://{port}");
    let first = engine(&url, &cache).sync(|_, _| {}).await.unwrap_err();
    assert!(first.is_transient(), "unreachable is a retryable error: {first}");
    let starter = {
        let dir = dir.path().to_owned();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(1_500)).await;
            server(&dir, port).await
        })
    };
    let report = engine(&url, &cache).sync_with_retries(10).await.unwrap();
    assert!(report.changes > 0);
    let server = starter.await.unwrap();
    assert_eq!(cache.position().await.unwrap().cursor, report.head);
    drop(server);
}
