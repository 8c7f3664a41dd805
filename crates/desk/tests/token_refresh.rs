//! The typed client against the real reference server when its token is refused: with a
//! refresher it gets a new token and sends the request once more (every clone moves to the new
//! token, and requests refused together cause one refresh); without one, or when the refresh
//! is refused, the agent is told the sign-in is over.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use arbiter_client::{ApiClient, ApiToken, ClientError, Refreshed, TokenRefresh};
use arbiter_server::generator::GeneratorOptions;
use arbiter_server::{demo_database, RunningServer};

async fn server(dir: &std::path::Path) -> RunningServer {
    let options = GeneratorOptions { seed: 5, tickets: 40, now: chrono::Utc::now() };
    let pool = demo_database(dir.join("server.db").to_str().unwrap(), &options).await.unwrap();
    RunningServer::start_with(pool, "127.0.0.1:0".parse().unwrap(), &arbiter_server::Config::default()).await.unwrap()
}

/// Hands out `fresh` once the token in use is refused, as a session's refresher does: a
/// request refused with an older token gets the current one without another refresh.
struct Refresher {
    current: Mutex<ApiToken>,
    fresh: Option<ApiToken>,
    calls: AtomicUsize,
}

impl TokenRefresh for Refresher {
    fn refresh<'a>(&'a self, refused: &'a ApiToken) -> Refreshed<'a> {
        Box::pin(async move {
            let mut current = self.current.lock().unwrap();
            if *current != *refused {
                return Ok(current.clone());
            }
            self.calls.fetch_add(1, Ordering::SeqCst);
            let fresh = self.fresh.clone().ok_or_else(|| ClientError::Unauthorized("the sign-in has ended".into()))?;
            *current = fresh.clone();
            Ok(fresh)
        })
    }
}

fn refresher(stale: &str, fresh: Option<&str>) -> Arc<Refresher> {
    Arc::new(Refresher {
        current: Mutex::new(ApiToken::new(stale)),
        fresh: fresh.map(ApiToken::new),
        calls: AtomicUsize::new(0),
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_token_is_refreshed_once_and_the_requests_go_through() {
    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let refresh = refresher("expired-access-token", Some("demo-ava"));
    let client =
        ApiClient::with_refresh(&server.base_url(), ApiToken::new("expired-access-token"), refresh.clone()).unwrap();

    // Ten requests refused at once (reads and a write): one refresh, all answered.
    let mut requests = tokio::task::JoinSet::new();
    for i in 0..10 {
        let client = client.clone();
        requests.spawn(async move {
            if i == 0 {
                client.set_presence(arbiter_contract::Presence::Online, "presence-refresh-test").await.map(|_| ())
            } else {
                client.me().await.map(|_| ())
            }
        });
    }
    while let Some(answer) = requests.join_next().await {
        answer.unwrap().unwrap();
    }
    assert_eq!(refresh.calls.load(Ordering::SeqCst), 1, "one refresh for every request refused together");
    assert_eq!(client.token(), ApiToken::new("demo-ava"), "every clone carries the new token");
    assert_eq!(client.me().await.unwrap().email, client.clone().me().await.unwrap().email);
    assert_eq!(refresh.calls.load(Ordering::SeqCst), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_refresh_or_no_refresher_says_the_sign_in_is_over() {
    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let refresh = refresher("expired-access-token", None);
    let client =
        ApiClient::with_refresh(&server.base_url(), ApiToken::new("expired-access-token"), refresh.clone()).unwrap();
    match client.me().await {
        Err(ClientError::Unauthorized(message)) => assert!(message.contains("ended"), "{message}"),
        other => panic!("expected the sign-in to be over, got {other:?}"),
    }
    assert_eq!(refresh.calls.load(Ordering::SeqCst), 1);

    let plain = ApiClient::new(&server.base_url(), ApiToken::new("expired-access-token")).unwrap();
    assert!(matches!(plain.me().await, Err(ClientError::Unauthorized(_))));
    // The live stream is refreshed the same way.
    let refresh = refresher("expired-access-token", Some("demo-ava"));
    let client =
        ApiClient::with_refresh(&server.base_url(), ApiToken::new("expired-access-token"), refresh.clone()).unwrap();
    assert!(client.stream(None).await.unwrap().status().is_success());
    assert_eq!(refresh.calls.load(Ordering::SeqCst), 1);
}
