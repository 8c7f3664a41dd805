//! The desk core against the real reference server on loopback, with real cache files.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use arbiter_cache::{InboxView, ViewKey};
use arbiter_client::ApiToken;
use arbiter_desk::{
    CredentialStore, Desk, DeskEvents, DeskPaths, ErrorCode, KeyringStore, MemoryStore, SyncState, SyncStatus,
    TicketsChanged,
};
use arbiter_server::generator::GeneratorOptions;
use arbiter_server::{demo_database, RunningServer};

#[derive(Default)]
struct Recorder {
    statuses: Mutex<Vec<SyncStatus>>,
    changed: Mutex<Vec<TicketsChanged>>,
    alerts: Mutex<Vec<arbiter_desk::Alert>>,
    waiting: Mutex<Vec<usize>>,
}

impl DeskEvents for Recorder {
    fn alert(&self, alert: &arbiter_desk::Alert) {
        self.alerts.lock().unwrap().push(alert.clone());
    }
    fn waiting_escalations(&self, count: usize) {
        self.waiting.lock().unwrap().push(count);
    }
    fn sync_status(&self, status: &SyncStatus) {
        self.statuses.lock().unwrap().push(status.clone());
    }
    fn tickets_changed(&self, changed: &TicketsChanged) {
        self.changed.lock().unwrap().push(changed.clone());
    }
}

async fn server(dir: &std::path::Path) -> RunningServer {
    server_with(dir, &arbiter_server::Config::default()).await
}

/// The channel gateway's token of `server_with_gateway`: the tests speak as customers and teams.
const GATEWAY: &str = "gateway-test";

async fn server_with_gateway(dir: &std::path::Path) -> RunningServer {
    server_with(dir, &arbiter_server::Config { gateway_token: Some(GATEWAY.into()), ..Default::default() }).await
}

async fn server_with(dir: &std::path::Path, config: &arbiter_server::Config) -> RunningServer {
    let options = GeneratorOptions { seed: 3, tickets: 200, now: chrono::Utc::now() };
    let pool = demo_database(dir.join("server.db").to_str().unwrap(), &options).await.unwrap();
    RunningServer::start_with(pool, "127.0.0.1:0".parse().unwrap(), config).await.unwrap()
}

fn paths(dir: &std::path::Path) -> DeskPaths {
    DeskPaths { config_dir: dir.join("config"), data_dir: dir.join("data") }
}

async fn wait_for(desk: &Desk, what: &str, done: impl Fn(&SyncStatus) -> bool) {
    for _ in 0..200 {
        if done(&desk.sync_status()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("sync never became {what}: {:?}", desk.sync_status());
}

/// Waits until the desk has pulled the feed up to the server's head as `token` sees it now
/// (`sync_now` only wakes the loop; what the outbox's answers do not carry, such as a case's
/// trail, comes with the feed).
async fn caught_up(desk: &Desk, base_url: &str, token: &str) {
    let page: serde_json::Value = reqwest::Client::new()
        .get(format!("{base_url}/v1/changes?after=0&limit=1"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let head = page["head"].as_i64().expect("a page says the feed's head");
    desk.sync_now().await.unwrap();
    wait_for(desk, "caught up with the server", |s| s.outbox_pending == 0 && s.cursor >= head).await;
}

/// Every file under `dir` whose bytes contain `needle`.
/// A desk in `dir` signed in to `url` as `token`, synced and online.
async fn online_desk(dir: &std::path::Path, url: &str, token: &str, recorder: Arc<Recorder>) -> Desk {
    let desk = Desk::new(paths(dir), Arc::new(MemoryStore::default()), recorder);
    desk.start().await.unwrap();
    desk.sign_in(url, token).await.unwrap();
    wait_for(&desk, "online", |s| s.state == SyncState::Online).await;
    desk
}

/// Every customer's activity as the server holds it: the truth the desk's risk is checked against.
async fn server_activity(server: &RunningServer) -> Vec<arbiter_contract::ActivityEvent> {
    sqlx::query_scalar::<_, String>("SELECT data FROM activity_events")
        .fetch_all(&server.db().pool)
        .await
        .unwrap()
        .iter()
        .map(|d| serde_json::from_str(d).unwrap())
        .collect()
}

fn files_containing(dir: &std::path::Path, needle: &str) -> Vec<std::path::PathBuf> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else if std::fs::read(&path).unwrap().windows(needle.len()).any(|w| w == needle.as_bytes()) {
            hits.push(path);
        }
    }
    hits
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_sync_reply_and_restart_offline() {
    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let url = server.base_url();
    let store = Arc::new(MemoryStore::default());
    let desk_dir = dir.path().join("desk");

    // A refused token signs nobody in and stores nothing.
    let desk = Desk::new(paths(&desk_dir), store.clone(), Arc::new(Recorder::default()));
    desk.start().await.unwrap();
    assert!(desk.session_info().await.is_none());
    let error = desk.sign_in(&url, "not-a-token").await.unwrap_err();
    assert_eq!(error.code, ErrorCode::Unauthorized);
    assert!(store.load(&url).unwrap().is_none());
    let error = desk.sign_in("not a url", "demo-ava").await.unwrap_err();
    assert_eq!(error.code, ErrorCode::InvalidUrl);

    // A good one: kept in the credential store, never in the desk's files.
    let session = desk.sign_in(&format!("{url}/"), "  demo-ava ").await.unwrap();
    assert_eq!(session.agent.name, "Ava Chen");
    assert_eq!(session.server_url, url, "the address is normalized");
    assert_eq!(store.load(&url).unwrap(), Some(ApiToken::new("demo-ava")));
    wait_for(&desk, "online", |s| s.state == SyncState::Online).await;
    assert!(files_containing(&desk_dir, "demo-ava").is_empty(), "the token is in no file");
    // The cache is encrypted: the synced data is not readable on disk.
    assert!(files_containing(&desk_dir.join("data"), "Ava Chen").is_empty(), "the cache is encrypted");
    // Its key is a random 32 bytes kept in the credential store under the cache file's name.
    let cache_file = paths(&desk_dir).cache_file(&url, session.agent.id);
    let account = format!("cache-key:{}", cache_file.file_name().unwrap().to_string_lossy());
    let cache_key = store.get(&account).unwrap().expect("the cache's key is in the credential store");
    assert!(
        cache_key.len() == 64 && cache_key.chars().all(|c| c.is_ascii_hexdigit()),
        "{cache_key:?} is 32 bytes of hex"
    );
    assert!(files_containing(&desk_dir, &cache_key).is_empty(), "the key is in no file");

    let mine = desk.list_tickets(InboxView::Mine, None, 50).await.unwrap();
    assert!(!mine.is_empty());
    let counts = desk.view_counts().await.unwrap();
    let all = counts.iter().find(|c| c.view == ViewKey::Builtin(InboxView::All)).unwrap().count;
    let visible: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM tickets WHERE queue = 'disputes' OR assignee_id = 1")
        .fetch_one(&server.db().pool)
        .await
        .unwrap();
    assert_eq!(all, visible, "the desk holds exactly the tickets in the agent's scope");

    // A reply is queued and shown at once, then sent; the same click twice is one reply.
    let ticket = mine[0].id;
    let before = desk.ticket(ticket).await.unwrap().conversation.messages.len();
    let queued = desk.send_reply(ticket, "We are on it.", vec![], "desk-test-key-1").await.unwrap();
    let again = desk.send_reply(ticket, "We are on it.", vec![], "desk-test-key-1").await.unwrap();
    assert_eq!(queued.id, again.id);
    // Still waiting in the outbox, or (online, quick) already stored as a message. The view's
    // reads are not one snapshot yet: a send that completes between its message read and its
    // outbox read shows neither for that one read, so a second read is allowed.
    let shown = |view: &arbiter_cache::TicketView| {
        view.outbox.iter().any(|i| i.id == "desk-test-key-1")
            || view.conversation.messages.iter().any(|m| m.client_ref.as_deref() == Some("desk-test-key-1"))
    };
    let first = desk.ticket(ticket).await.unwrap();
    assert!(shown(&first) || shown(&desk.ticket(ticket).await.unwrap()), "the reply shows at once");
    wait_for(&desk, "the outbox emptied", |s| s.outbox_pending == 0 && s.state == SyncState::Online).await;
    let view = desk.ticket(ticket).await.unwrap();
    assert_eq!(view.conversation.messages.len(), before + 1);
    assert_eq!(view.conversation.messages.last().unwrap().text, "We are on it.");
    assert!(view.outbox.is_empty());
    assert_eq!(desk.send_reply(ticket, "   ", vec![], "k2").await.unwrap_err().code, ErrorCode::InvalidInput);
    assert_eq!(desk.ticket(1).await.unwrap_err().code, ErrorCode::NotFound);

    // A status change shows at once (optimistically) and lands on the server.
    let version = view.ticket.version;
    let update =
        arbiter_contract::TicketUpdate { status: Some(arbiter_contract::TicketStatus::Pending), ..Default::default() };
    desk.update_ticket(ticket, update, "desk-test-key-2").await.unwrap();
    assert_eq!(desk.ticket(ticket).await.unwrap().ticket.status, arbiter_contract::TicketStatus::Pending);
    wait_for(&desk, "the update was sent", |s| s.outbox_pending == 0).await;
    assert!(desk.ticket(ticket).await.unwrap().ticket.version > version);

    // Quit; the server goes down; the desk starts again from its cache.
    drop(desk);
    let addr = server.addr;
    server.kill().await;
    let desk = Desk::new(paths(&desk_dir), store.clone(), Arc::new(Recorder::default()));
    let started = std::time::Instant::now();
    desk.start().await.unwrap();
    let cached = desk.list_tickets(InboxView::Mine, None, 50).await.unwrap();
    let elapsed = started.elapsed();
    let ids =
        |list: &[arbiter_cache::TicketListItem]| list.iter().map(|t| t.id).collect::<std::collections::BTreeSet<_>>();
    assert_eq!(ids(&cached), ids(&mine), "the same tickets, from the cache");
    assert!(elapsed < Duration::from_secs(2), "the cache opens without waiting on the network: {elapsed:?}");
    wait_for(&desk, "offline after a failed attempt", |s| {
        s.state == SyncState::Offline && s.message.is_some() && s.retry_at.is_some()
    })
    .await;
    // Offline, a reply is kept in the outbox, across a restart, and goes out once the
    // server is back.
    let queued = desk.send_reply(ticket, "Sent while offline.", vec![], "offline-key-1").await.unwrap();
    assert_eq!(queued.state, arbiter_cache::OutboxState::Pending);
    drop(desk);
    let server = RunningServer::start(
        arbiter_server::Db::connect(dir.path().join("server.db").to_str().unwrap()).await.unwrap(),
        addr,
    )
    .await
    .unwrap();
    let desk = Desk::new(paths(&desk_dir), store.clone(), Arc::new(Recorder::default()));
    desk.start().await.unwrap();
    wait_for(&desk, "the offline reply was sent", |s| s.outbox_pending == 0 && s.state == SyncState::Online).await;
    let stored: Vec<String> = sqlx::query_scalar("SELECT data FROM messages WHERE ticket_id = $1")
        .bind(ticket)
        .fetch_all(&server.db().pool)
        .await
        .unwrap();
    assert_eq!(stored.iter().filter(|m| m.contains("offline-key-1")).count(), 1, "sent exactly once");

    // Signing out forgets the token.
    desk.sign_out().await.unwrap();
    assert!(store.load(&url).unwrap().is_none());
    assert!(desk.session_info().await.is_none());
    assert_eq!(desk.list_tickets(InboxView::All, None, 5).await.unwrap_err().code, ErrorCode::NotSignedIn);
}

/// The real OS keyring. `scripts/test.sh` runs the tests in a D-Bus session with GNOME
/// Keyring and sets ARBITER_REQUIRE_KEYRING=1; elsewhere, without a keyring, this is skipped.
#[test]
fn the_os_keyring_round_trips_a_token() {
    if std::env::var_os("ARBITER_REQUIRE_KEYRING").is_none() && std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        eprintln!("skipped: no D-Bus session (set ARBITER_REQUIRE_KEYRING=1 to make this fail instead)");
        return;
    }
    let store = KeyringStore;
    let server = format!("https://keyring-test.invalid/{}", std::process::id());
    store.save(&server, &ApiToken::new("s3cret-token")).expect("store in the keyring");
    // A separate lookup, as a restarted app would make.
    assert_eq!(KeyringStore.load(&server).unwrap(), Some(ApiToken::new("s3cret-token")));
    store.save(&server, &ApiToken::new("rotated")).unwrap();
    assert_eq!(KeyringStore.load(&server).unwrap(), Some(ApiToken::new("rotated")));
    store.delete(&server).unwrap();
    assert_eq!(KeyringStore.load(&server).unwrap(), None);
    store.delete(&server).expect("deleting twice is fine");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_on_the_server_reaches_the_desk_through_the_live_stream() {
    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let recorder = Arc::new(Recorder::default());
    let desk = Desk::new(paths(&dir.path().join("desk")), Arc::new(MemoryStore::default()), recorder.clone());
    desk.start().await.unwrap();
    desk.sign_in(&server.base_url(), "demo-ava").await.unwrap();
    wait_for(&desk, "online", |s| s.state == SyncState::Online).await;
    let ticket = desk.list_tickets(InboxView::All, None, 1).await.unwrap()[0].id;
    tokio::time::sleep(Duration::from_millis(300)).await; // the stream connects

    let started = std::time::Instant::now();
    let client = arbiter_client::ApiClient::new(&server.base_url(), ApiToken::new("demo-marcus")).unwrap();
    let message = client.post_reply(ticket, "Taking over this one.", &[], "live-desk-1").await.unwrap();
    let server_ticket = client.ticket(ticket).await.unwrap().ticket;
    loop {
        let view = desk.ticket(ticket).await.unwrap();
        // The message and the ticket as it left it (status, clocks, last change) arrive together.
        if view.conversation.messages.iter().any(|m| m.id == message.id) && view.ticket.version == server_ticket.version
        {
            assert_eq!(view.ticket.updated_at, server_ticket.updated_at);
            break;
        }
        // The poll runs every 5 s; only the stream can bring it this fast.
        assert!(started.elapsed() < Duration::from_secs(2), "the message did not arrive live");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(recorder.changed.lock().unwrap().iter().any(|c| c.ids.contains(&ticket)), "the UI was told");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_progress_storage_and_a_fresh_start() {
    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let url = server.base_url();
    let recorder = Arc::new(Recorder::default());
    let desk = Desk::new(paths(&dir.path().join("desk")), Arc::new(MemoryStore::default()), recorder.clone());
    desk.start().await.unwrap();
    desk.sign_in(&url, "demo-ava").await.unwrap();
    wait_for(&desk, "online", |s| s.state == SyncState::Online).await;

    // The initial sync reported progress with a rate, and cleared it when done.
    let statuses = recorder.statuses.lock().unwrap().clone();
    let with_progress: Vec<_> = statuses.iter().filter_map(|s| s.progress).collect();
    assert!(!with_progress.is_empty(), "progress was reported");
    assert!(with_progress.iter().all(|p| p.done <= p.total));
    assert_eq!(with_progress.last().map(|p| p.done), with_progress.last().map(|p| p.total));
    assert!(desk.sync_status().progress.is_none());

    // Search finds a ticket by a word of its subject; odd text is answered, not an error.
    let any = desk.list_tickets(InboxView::All, None, 1).await.unwrap().remove(0);
    let word = any.subject.split_whitespace().max_by_key(|w| w.len()).unwrap().to_owned();
    let found = desk.search(arbiter_cache::SearchQuery::text(word.clone())).await.unwrap();
    assert!(found.hits.iter().any(|h| h.ticket_id == Some(any.id)), "{word} finds #{}", any.id);
    let odd = desk.search(arbiter_cache::SearchQuery::text("NEAR( \" *")).await.unwrap();
    assert!(odd.hits.is_empty() || odd.notice.is_none());
    let long = desk.search(arbiter_cache::SearchQuery::text("x".repeat(600))).await.unwrap_err();
    assert_eq!(long.code, ErrorCode::InvalidInput);

    // The size report, and a retention setting that persists.
    let report = desk.storage().await.unwrap();
    let tickets = report.tables.iter().find(|t| t.table == "tickets").unwrap().rows;
    assert!(tickets > 0 && report.database_bytes > 0 && report.retention_days == 90);
    assert_eq!(desk.set_retention_days(30).await.unwrap().retention_days, 30);
    assert_eq!(desk.set_retention_days(0).await.unwrap_err().code, ErrorCode::InvalidInput);
    // Two settings changed at the same moment both hold, in this desk and in the next one.
    let (dnd, retention) = tokio::join!(desk.set_do_not_disturb(true), desk.set_retention_days(45));
    dnd.unwrap();
    assert_eq!(retention.unwrap().retention_days, 45);
    assert!(desk.do_not_disturb());
    let settings: serde_json::Value =
        serde_json::from_slice(&std::fs::read(paths(&dir.path().join("desk")).settings_file()).unwrap()).unwrap();
    assert_eq!((settings["do_not_disturb"].as_bool(), settings["retention_days"].as_u64()), (Some(true), Some(45)));
    desk.set_do_not_disturb(false).await.unwrap();
    desk.set_retention_days(30).await.unwrap();

    // Re-sync from scratch: the cache empties and fills again to the same rows.
    let before = desk.view_counts().await.unwrap();
    let mark = recorder.statuses.lock().unwrap().len();
    desk.resync().await.unwrap();
    let mut restarted = false;
    for _ in 0..200 {
        let statuses = recorder.statuses.lock().unwrap()[mark..].to_vec();
        let from_zero = statuses.iter().position(|s| s.state == SyncState::Syncing && s.from == 0);
        if let Some(start) = from_zero {
            if statuses[start..].iter().any(|s| s.state == SyncState::Online) {
                restarted = true;
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(restarted, "the desk synced again from the start");
    // The same rows as before, the 30-day retention applied again to what came back.
    assert_eq!(desk.view_counts().await.unwrap(), before);
    assert_eq!(desk.storage().await.unwrap().retention_days, 30);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saved_views_list_and_count_like_the_built_in_ones() {
    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let desk = online_desk(&dir.path().join("desk"), &server.base_url(), "demo-ava", Arc::default()).await;

    // A saved view equal to a built-in one lists and counts the same tickets.
    let filter =
        arbiter_cache::TicketFilter { statuses: vec![arbiter_contract::TicketStatus::Pending], ..Default::default() };
    let view = desk.save_view(None, "  Waiting on the customer ", filter).await.unwrap();
    assert_eq!(view.name, "Waiting on the customer");
    let saved = desk.list_tickets(ViewKey::Saved(view.id.clone()), None, 500).await.unwrap();
    let builtin = desk.list_tickets(InboxView::Pending, None, 500).await.unwrap();
    assert_eq!(saved.iter().map(|t| t.id).collect::<Vec<_>>(), builtin.iter().map(|t| t.id).collect::<Vec<_>>());
    let counts = desk.view_counts().await.unwrap();
    let count = |key: ViewKey| counts.iter().find(|c| c.view == key).unwrap().count;
    assert_eq!(count(ViewKey::Saved(view.id.clone())), count(ViewKey::Builtin(InboxView::Pending)));

    // Renaming keeps the id; bad input is refused with a reason; deleting removes it.
    let renamed = desk.save_view(Some(view.id.clone()), "Pending", Default::default()).await.unwrap();
    assert_eq!((renamed.id.as_str(), renamed.name.as_str()), (view.id.as_str(), "Pending"));
    assert_eq!(desk.save_view(None, "", Default::default()).await.unwrap_err().code, ErrorCode::InvalidInput);
    assert_eq!(
        desk.save_view(Some("nope".into()), "x", Default::default()).await.unwrap_err().code,
        ErrorCode::NotFound
    );
    desk.delete_view(&view.id).await.unwrap();
    assert!(desk.saved_views().await.unwrap().is_empty());
    let gone = desk.list_tickets(ViewKey::Saved(view.id), None, 10).await.unwrap_err();
    assert_eq!(gone.code, ErrorCode::NotFound);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_side_conversation_with_an_internal_team_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let server = server_with_gateway(dir.path()).await;
    let desk = online_desk(&dir.path().join("desk"), &server.base_url(), "demo-ava", Arc::default()).await;
    let ticket = desk.list_tickets(InboxView::Open, None, 1).await.unwrap()[0].id;

    // Only the internal teams, a subject and a message are accepted.
    for (team, subject, body) in [("sales", "s", "b"), ("risk", " ", "b"), ("risk", "s", "  ")] {
        let refused = desk.start_side_conversation(ticket, team, subject, body, "side-bad").await.unwrap_err();
        assert_eq!(refused.code, ErrorCode::InvalidInput, "{team}/{subject}/{body}");
    }
    // Asked: shown at once as a pending action, then stored on the server once.
    let queued = desk
        .start_side_conversation(ticket, "Compliance", "Release the hold?", "KYC documents are in.", "side-1")
        .await
        .unwrap();
    assert!(
        matches!(queued.action, arbiter_cache::Action::StartSideConversation { ref team, .. } if team == "compliance")
    );
    wait_for(&desk, "the question was sent", |s| s.outbox_pending == 0).await;
    let side_id = loop {
        let view = desk.ticket(ticket).await.unwrap();
        if let Some(thread) = view.side_conversations.first() {
            if !thread.messages.is_empty() {
                assert_eq!(thread.conversation.team, "compliance");
                assert_eq!(thread.messages[0].text, "KYC documents are in.");
                break thread.conversation.id;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };

    // The team answers through the company's gateway; it arrives live.
    let started = std::time::Instant::now();
    let answer = reqwest::Client::new()
        .post(format!("{}/v1/inbound/side-conversations/{side_id}/messages", server.base_url()))
        .bearer_auth(GATEWAY)
        .json(&serde_json::json!({ "author_name": "Lena · Compliance", "text": "Approved — release it." }))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 201);
    loop {
        let view = desk.ticket(ticket).await.unwrap();
        if view.side_conversations[0].messages.len() == 2 {
            assert_eq!(view.side_conversations[0].messages[1].author_name, "Lena · Compliance");
            assert_eq!(view.side_conversations[0].messages[1].author_agent_id, None);
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(2), "the answer came by the stream, not the 5 s poll");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    // The agent thanks them and closes the thread.
    desk.post_side_message(side_id, "Thanks, done.", true, "side-2").await.unwrap();
    assert_eq!(desk.post_side_message(999_999, "x", false, "side-3").await.unwrap_err().code, ErrorCode::NotFound);
    wait_for(&desk, "the closing message was sent", |s| s.outbox_pending == 0).await;
    let closed = loop {
        let view = desk.ticket(ticket).await.unwrap();
        if view.side_conversations[0].conversation.status == arbiter_contract::SideConversationStatus::Closed {
            break view;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let texts: Vec<_> = closed.side_conversations[0].messages.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["KYC documents are in.", "Approved — release it.", "Thanks, done."]);
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM side_messages WHERE side_conversation_id = $1")
        .bind(side_id)
        .fetch_one(&server.db().pool)
        .await
        .unwrap();
    assert_eq!(stored, 3, "each message stored once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn escalations_on_my_tickets_alert_me_once_and_do_not_disturb_holds_all_but_l2() {
    let dir = tempfile::tempdir().unwrap();
    let server = server_with_gateway(dir.path()).await;
    let recorder = Arc::new(Recorder::default());
    let desk = Desk::new(paths(&dir.path().join("desk")), Arc::new(MemoryStore::default()), recorder.clone());
    desk.start().await.unwrap();
    desk.sign_in(&server.base_url(), "demo-ava").await.unwrap();
    wait_for(&desk, "online", |s| s.state == SyncState::Online).await;
    let mine = desk.list_tickets(InboxView::Mine, None, 50).await.unwrap();
    let ticket = mine.iter().find(|t| t.channel == arbiter_contract::Channel::Email).unwrap_or(&mine[0]).id;
    tokio::time::sleep(Duration::from_millis(300)).await; // the stream connects
    let say = |text: &'static str| {
        let url = format!("{}/v1/inbound/tickets/{ticket}/messages", server.base_url());
        async move {
            let sent = reqwest::Client::new()
                .post(url)
                .bearer_auth(GATEWAY)
                .json(&serde_json::json!({ "text": text }))
                .send()
                .await
                .unwrap();
            assert_eq!(sent.status(), 201);
        }
    };
    let alerts = || recorder.alerts.lock().unwrap().clone();
    let wait_alerts = |n: usize| {
        let recorder = recorder.clone();
        async move {
            for _ in 0..100 {
                if recorder.alerts.lock().unwrap().len() >= n {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            panic!("expected {n} alerts, got {:?}", recorder.alerts.lock().unwrap());
        }
    };

    // Do-not-disturb on: an L2 (legal words) still comes through, with the reason and customer.
    desk.set_do_not_disturb(true).await.unwrap();
    assert!(desk.do_not_disturb());
    say("If this is not fixed today my lawyer will take it from here.").await;
    wait_alerts(1).await;
    let alert = &alerts()[0];
    assert!(alert.title.starts_with(&format!("L2 escalation · #{ticket} ")), "{}", alert.title);
    assert!(
        alert.body.contains("Legal or media language: the customer wrote \u{201c}lawyer\u{201d}"),
        "{}",
        alert.body
    );
    assert!(alert.urgent && alert.ticket_id == Some(ticket));

    // The tray's count includes it.
    let waiting = || *recorder.waiting.lock().unwrap().last().unwrap_or(&0);
    let before_take = waiting();
    assert!(before_take >= 1, "the count of escalations waiting for Ava includes the new one");

    // The ticket shows it; taking it stops it ringing, on the server too, once.
    let escalation_id = alert.escalation_id.unwrap();
    let view = desk.ticket(ticket).await.unwrap();
    let shown = view.escalations.iter().find(|e| e.id == escalation_id).expect("the ticket lists its escalation");
    assert_eq!(shown.status, arbiter_contract::EscalationStatus::Open);
    desk.acknowledge_escalation(escalation_id, "ack-1").await.unwrap();
    let pending = desk.ticket(ticket).await.unwrap();
    assert_eq!(
        pending.escalations.iter().find(|e| e.id == escalation_id).unwrap().status,
        arbiter_contract::EscalationStatus::Acknowledged,
        "shown as taken at once"
    );
    wait_for(&desk, "the acknowledgement was sent", |s| s.outbox_pending == 0).await;
    let stored: String = sqlx::query_scalar("SELECT data FROM escalations WHERE id = $1")
        .bind(escalation_id)
        .fetch_one(&server.db().pool)
        .await
        .unwrap();
    let stored: arbiter_contract::Escalation = serde_json::from_str(&stored).unwrap();
    assert_eq!(stored.status, arbiter_contract::EscalationStatus::Acknowledged);
    assert_eq!(stored.acknowledged_by, Some(1));
    let again = desk.acknowledge_escalation(escalation_id, "ack-2").await.unwrap_err();
    assert_eq!(again.code, ErrorCode::InvalidInput);
    for _ in 0..100 {
        if waiting() < before_take {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(waiting(), before_take - 1, "taken: one fewer waiting");

    // An L1 (raised by the server's sweep: the sweep runs the matrix) is held while DND is on…
    let sweep_at = chrono::Utc::now() + chrono::Duration::days(10);
    let raised = arbiter_server::escalator::sweep(&server.state, sweep_at).await.unwrap();
    let mine_raised = raised.iter().filter(|e| mine.iter().any(|t| Some(t.id) == e.ticket_id)).count();
    assert!(mine_raised > 0, "the sweep raised something on Ava's tickets");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let urgent_only = alerts().iter().skip(1).all(|a| a.urgent);
    assert!(urgent_only, "only L2 and above come through DND: {:?}", alerts());
    // …and comes through with DND off. Every escalation alerts once.
    desk.set_do_not_disturb(false).await.unwrap();
    let before = alerts().len();
    let later = arbiter_server::escalator::sweep(&server.state, sweep_at + chrono::Duration::days(30)).await.unwrap();
    let _ = later;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let ids: Vec<_> = alerts().iter().filter_map(|a| a.escalation_id).collect();
    let unique: std::collections::BTreeSet<_> = ids.iter().collect();
    assert_eq!(ids.len(), unique.len(), "no escalation alerts twice");
    assert!(alerts().len() >= before);
    // Someone else's ticket raises nothing for Ava.
    assert!(alerts().iter().all(|a| a.ticket_id.is_none_or(|t| mine.iter().any(|m| m.id == t) || t == ticket)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_queue_board_is_for_supervisors_and_reads_their_teams_live() {
    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let board = |token: &'static str, name: &'static str| {
        let dir = dir.path().join(name);
        let url = server.base_url();
        async move {
            let desk = Desk::new(paths(&dir), Arc::new(MemoryStore::default()), Arc::new(Recorder::default()));
            desk.start().await.unwrap();
            desk.sign_in(&url, token).await.unwrap();
            desk.supervisor_overview().await
        }
    };
    let refused = board("demo-ava", "ava").await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::Rejected, "agents have no board");
    let overview = board("demo-marcus", "marcus").await.unwrap();
    assert!(overview.queues.iter().any(|q| q.queue == "disputes"), "{:?}", overview.queues);
    assert!(overview.agents.iter().any(|a| a.name == "Ava Chen"));
    let disputes = overview.queues.iter().find(|q| q.queue == "disputes").unwrap();
    assert!(disputes.new + disputes.open + disputes.pending + disputes.on_hold > 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ticket_someone_else_assigns_to_me_alerts_me_but_my_own_take_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let recorder = Arc::new(Recorder::default());
    let desk = Desk::new(paths(&dir.path().join("desk")), Arc::new(MemoryStore::default()), recorder.clone());
    desk.start().await.unwrap();
    desk.sign_in(&server.base_url(), "demo-ava").await.unwrap();
    wait_for(&desk, "online", |s| s.state == SyncState::Online).await;
    let unassigned = desk.list_tickets(InboxView::Unassigned, None, 10).await.unwrap();
    assert!(unassigned.len() >= 2, "the demo has unassigned tickets in Ava's queues");
    tokio::time::sleep(Duration::from_millis(300)).await; // the stream connects

    // Ava takes one herself: no alert.
    let update = arbiter_contract::TicketUpdate { assignee_id: Some(Some(1)), ..Default::default() };
    desk.update_ticket(unassigned[0].id, update, "take-own").await.unwrap();
    wait_for(&desk, "the take was sent", |s| s.outbox_pending == 0).await;

    // Her lead gives her another: she is told, with the customer.
    let marcus = arbiter_client::ApiClient::new(&server.base_url(), ApiToken::new("demo-marcus")).unwrap();
    let given = marcus.ticket(unassigned[1].id).await.unwrap();
    let update = arbiter_contract::TicketUpdate { assignee_id: Some(Some(1)), ..Default::default() };
    marcus.update_ticket(given.ticket.id, given.ticket.version, &update, "assign-to-ava").await.unwrap();
    for _ in 0..100 {
        if !recorder.alerts.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let alerts = recorder.alerts.lock().unwrap().clone();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert_eq!(alerts[0].title, format!("Assigned to you · #{} {}", given.ticket.id, given.ticket.subject));
    assert!(alerts[0].body.starts_with(&given.customer.name), "{}", alerts[0].body);
    assert_eq!(alerts[0].ticket_id, Some(given.ticket.id));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_supervisor_drills_into_a_queue_and_reassigns_in_bulk() {
    use arbiter_cache::{AssigneeFilter, TicketFilter};
    use arbiter_contract::{Priority, TicketStatus, TicketUpdate};

    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let url = server.base_url();
    let start = |token: &'static str, name: &'static str, recorder: Arc<Recorder>| {
        let dir = dir.path().join(name);
        let url = url.clone();
        async move { online_desk(&dir, &url, token, recorder).await }
    };
    let ava_alerts = Arc::new(Recorder::default());
    let ava = start("demo-ava", "ava", ava_alerts.clone()).await;
    let marcus = start("demo-marcus", "marcus", Arc::new(Recorder::default())).await;
    tokio::time::sleep(Duration::from_millis(300)).await; // the streams connect

    // The drill-down from the board: the disputes queue's active, unassigned tickets.
    let active = vec![TicketStatus::New, TicketStatus::Open, TicketStatus::Pending, TicketStatus::OnHold];
    let unassigned = TicketFilter {
        statuses: active.clone(),
        queues: vec!["disputes".into()],
        assignee: Some(AssigneeFilter::Nobody),
        ..Default::default()
    };
    let rows = marcus.list_tickets(ViewKey::Filter(unassigned.clone()), None, 500).await.unwrap();
    assert!(rows.len() >= 2, "the demo has unassigned disputes: {}", rows.len());
    assert!(rows.iter().all(|r| r.queue == "disputes" && r.assignee_name.is_none()));
    let mut picked: Vec<i64> = rows.iter().take(2).map(|r| r.id).collect();
    picked.sort_unstable();
    let api = arbiter_client::ApiClient::new(&server.base_url(), ApiToken::new("demo-marcus")).unwrap();
    let before = api.ticket(picked[0]).await.unwrap().ticket.version;

    // An agent cannot act in bulk.
    let update = TicketUpdate { assignee_id: Some(Some(1)), ..Default::default() };
    let refused = ava.bulk_update(picked.clone(), update.clone(), "ava-bulk").await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::Rejected);
    let empty = marcus.bulk_update(picked.clone(), TicketUpdate::default(), "nothing").await.unwrap_err();
    assert_eq!(empty.code, ErrorCode::InvalidInput);

    // Marcus gives both to Ava, high priority, tagged; an id nobody has fails on its own.
    let update = TicketUpdate {
        assignee_id: Some(Some(1)),
        priority: Some(Priority::High),
        add_tags: vec!["Night Shift".into()],
        ..Default::default()
    };
    let mut ids = picked.clone();
    ids.push(987_654_321);
    let outcome = marcus.bulk_update(ids.clone(), update.clone(), "bulk-1").await.unwrap();
    assert_eq!(outcome.updated, picked);
    assert_eq!(outcome.failed.len(), 1);
    assert_eq!(outcome.failed[0].ticket_id, 987_654_321);
    assert!(outcome.failed[0].message.contains("does not exist"), "{}", outcome.failed[0].message);
    // A retried click changes nothing more.
    let again = marcus.bulk_update(ids, update, "bulk-1").await.unwrap();
    assert_eq!(again.updated, picked);

    // Marcus's cache has it at once: the drill-down to Ava's tickets lists them, tagged, and
    // their own tags are kept.
    let avas = TicketFilter { statuses: active, assignee: Some(AssigneeFilter::Agent(1)), ..Default::default() };
    let rows = marcus.list_tickets(ViewKey::Filter(avas), None, 500).await.unwrap();
    for id in &picked {
        let row = rows.iter().find(|r| r.id == *id).expect("in Ava's drill-down");
        assert_eq!(row.priority, Priority::High);
        assert!(row.tags.contains(&"night-shift".to_string()), "{:?}", row.tags);
        assert_eq!(row.assignee_name.as_deref(), Some("Ava Chen"));
    }
    let left = marcus.list_tickets(ViewKey::Filter(unassigned), None, 500).await.unwrap();
    assert!(left.iter().all(|r| !picked.contains(&r.id)));
    let ticket = api.ticket(picked[0]).await.unwrap();
    assert_eq!(ticket.ticket.version, before + 1, "applied once, not twice");

    // Ava is told about each ticket given to her.
    for _ in 0..100 {
        if ava_alerts.alerts.lock().unwrap().len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let alerts = ava_alerts.alerts.lock().unwrap().clone();
    let told: Vec<_> = alerts.iter().filter_map(|a| a.ticket_id).collect();
    assert!(picked.iter().all(|id| told.contains(id)), "{alerts:?}");

    // Offline, the console says so and changes nothing.
    server.kill().await;
    let update = TicketUpdate { status: Some(TicketStatus::Pending), ..Default::default() };
    let offline = marcus.bulk_update(picked, update, "bulk-offline").await.unwrap_err();
    assert_eq!(offline.code, ErrorCode::Offline, "{offline:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shift_handover_reaches_the_next_lead_who_acknowledges_it() {
    use arbiter_contract::{HandoverNote, NewHandover};

    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let url = server.base_url();
    let start = |token: &'static str, name: &'static str, recorder: Arc<Recorder>| {
        let dir = dir.path().join(name);
        let url = url.clone();
        async move { online_desk(&dir, &url, token, recorder).await }
    };
    let marcus_alerts = Arc::new(Recorder::default());
    let kofi_alerts = Arc::new(Recorder::default());
    let ava_alerts = Arc::new(Recorder::default());
    let marcus = start("demo-marcus", "marcus", marcus_alerts.clone()).await;
    let kofi = start("demo-kofi", "kofi", kofi_alerts.clone()).await;
    let ava = start("demo-ava", "ava", ava_alerts.clone()).await;
    tokio::time::sleep(Duration::from_millis(300)).await; // the streams connect

    let unassigned = marcus.list_tickets(InboxView::Unassigned, None, 1).await.unwrap();
    let handover = NewHandover {
        team: "disputes".into(),
        shift_started_at: chrono::Utc::now() - chrono::Duration::hours(8),
        summary: "Busy night: the Visa chargebacks are due at noon.\nEverything else is quiet.".into(),
        notes: vec![HandoverNote { ticket_id: unassigned[0].id, note: "Call back at 09:00.".into() }],
    };
    let refused = ava.write_handover(handover.clone(), "ava-handover").await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::Rejected, "agents write no handovers");
    let blank = NewHandover { summary: " ".into(), ..handover.clone() };
    assert_eq!(marcus.write_handover(blank, "blank").await.unwrap_err().code, ErrorCode::InvalidInput);

    let written = marcus.write_handover(handover.clone(), "handover-1").await.unwrap();
    assert_eq!(written.author_name, "Marcus Oyelaran");
    assert!(written.items.iter().any(|i| i.ticket_id == unassigned[0].id && i.note.is_some()));
    // A retried click writes nothing more.
    assert_eq!(marcus.write_handover(handover, "handover-1").await.unwrap().id, written.id);

    // The next lead is told at once; its author and the agents are not.
    for _ in 0..100 {
        if !kofi_alerts.alerts.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let told = kofi_alerts.alerts.lock().unwrap().clone();
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0].title, "Shift handover · disputes");
    assert_eq!(told[0].body, "Marcus Oyelaran: Busy night: the Visa chargebacks are due at noon.");
    assert!(marcus_alerts.alerts.lock().unwrap().iter().all(|a| !a.key.starts_with("handover")));
    assert!(ava_alerts.alerts.lock().unwrap().iter().all(|a| !a.key.starts_with("handover")));

    let listed = kofi.handovers().await.unwrap();
    assert_eq!(listed.first().map(|h| h.id), Some(written.id));
    assert_eq!(marcus.acknowledge_handover(written.id, 1, "own").await.unwrap_err().code, ErrorCode::Rejected);
    let taken = kofi.acknowledge_handover(written.id, 1, "ack-1").await.unwrap();
    assert_eq!(taken.acknowledged_by_name.as_deref(), Some("Kofi Boateng"));
    let late = kofi.acknowledge_handover(written.id, 1, "ack-2").await.unwrap_err();
    assert_eq!(late.code, ErrorCode::Rejected, "already acknowledged: {late:?}");
    assert_eq!(marcus.handovers().await.unwrap()[0].acknowledged_by_name.as_deref(), Some("Kofi Boateng"));
    assert_eq!(ava.handovers().await.unwrap_err().code, ErrorCode::Rejected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chargeback_case_is_opened_worked_through_its_network_stages_and_closed() {
    use arbiter_contract::{
        AddEvidence, CardNetwork, CaseDecision, CaseKind, CaseOutcome, CaseStatus, CaseUpdate, ChargebackStage,
        CreateCase, EvidenceKind, NewCardDispute, TicketKind,
    };
    use arbiter_policy::chargeback::{DisputeFlow, Urgency};

    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let desk = online_desk(&dir.path().join("desk"), &server.base_url(), "demo-priya", Arc::default()).await;
    let sent = |desk: &Desk| {
        let desk = desk.clone();
        async move { wait_for(&desk, "the outbox is sent", |s| s.outbox_pending == 0).await }
    };

    // A chargeback ticket (the payments queue's: Priya's) that has no case yet.
    let mut candidate = None;
    for row in desk.list_tickets(InboxView::All, None, 500).await.unwrap() {
        let view = desk.ticket(row.id).await.unwrap();
        if view.ticket.kind == TicketKind::CardChargeback && view.ticket.case_id.is_none() {
            candidate = Some(view);
            break;
        }
    }
    let ticket = candidate.expect("the demo has a chargeback ticket without a case").ticket;
    let filed = chrono::Utc::now() - chrono::Duration::days(3);
    let case = CreateCase {
        kind: CaseKind::Chargeback,
        ticket_id: ticket.id,
        amount_minor: 125_000,
        currency: "EUR".into(),
        card: Some(NewCardDispute {
            network: CardNetwork::Visa,
            reason_code: "13.1".into(),
            card_last4: "4242".into(),
            transaction_date: (filed - chrono::Duration::days(20)).date_naive(),
            filed_at: filed,
        }),
        summary: "Customer says the BTC bought by card never arrived.".into(),
    };
    let bad = CreateCase {
        card: Some(NewCardDispute { card_last4: "42".into(), ..case.card.clone().unwrap() }),
        ..case.clone()
    };
    assert_eq!(desk.open_case(bad, "bad-card").await.unwrap_err().code, ErrorCode::InvalidInput);
    desk.open_case(case, "open-case").await.unwrap();
    sent(&desk).await;
    // The ticket's link to the case comes with the feed (sync_now only wakes the loop).
    desk.sync_now().await.unwrap();
    let mut case_id = None;
    for _ in 0..100 {
        case_id = desk.ticket(ticket.id).await.unwrap().ticket.case_id;
        if case_id.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let case_id = case_id.expect("the ticket links to its case");

    // The lifecycle: Visa consumer dispute (collaboration), 30 days from filing, 5 days' margin.
    let view = desk.case_view(case_id).await.unwrap();
    let life = view.lifecycle.clone().unwrap();
    assert_eq!(life.flow, DisputeFlow::Collaboration);
    assert_eq!(life.stage, ChargebackStage::FirstChargeback);
    assert_eq!(life.next, vec![ChargebackStage::Representment, ChargebackStage::Lost]);
    assert_eq!(life.network_deadline, Some(filed + chrono::Duration::days(30)));
    assert_eq!(life.response_due, Some(filed + chrono::Duration::days(25)));
    assert_eq!(life.urgency, Urgency::OnTrack);
    let reason = view.reason.clone().unwrap();
    assert_eq!(reason.title, "Merchandise or services not received");
    assert!(reason.checklist.iter().all(|l| l.evidence_ids.is_empty()));
    assert_eq!(view.tickets.len(), 1);
    assert_eq!(view.events.first().map(|e| e.action.as_str()), Some("created"));
    // The case says what it can end in, with the stage each outcome moves it to (none
    // to "won" before we have answered); an outcome of another kind of case is refused.
    assert_eq!(view.kind, CaseKind::Chargeback);
    let outcomes: Vec<_> = view.outcomes.iter().map(|c| (c.outcome, c.stage)).collect();
    assert_eq!(
        outcomes,
        vec![
            (CaseOutcome::RepresentedWon, None),
            (CaseOutcome::RepresentedLost, Some(ChargebackStage::Lost)),
            (CaseOutcome::Refunded, Some(ChargebackStage::Lost)),
        ]
    );
    assert_eq!(view.statuses, arbiter_policy::cases::WORKING_STATUSES.to_vec());
    let fraud_outcome = CaseUpdate { outcome: Some(CaseOutcome::ConfirmedFraud), ..CaseUpdate::default() };
    assert_eq!(
        desk.update_case(case_id, Some(ticket.id), fraud_outcome, "wrong-outcome").await.unwrap_err().code,
        ErrorCode::InvalidInput
    );
    assert_eq!(desk.ticket(ticket.id).await.unwrap().case_kind, Some(CaseKind::Chargeback));

    // Evidence answers the checklist; a key from another code's list is refused.
    let wrong = AddEvidence {
        kind: EvidenceKind::Note,
        title: "3DS".into(),
        description: "x".into(),
        reference_id: None,
        checklist: vec!["three_ds".into()],
    };
    assert_eq!(
        desk.add_case_evidence(case_id, Some(ticket.id), wrong, "wrong").await.unwrap_err().code,
        ErrorCode::InvalidInput
    );
    let credited = AddEvidence {
        kind: EvidenceKind::ActivityEvent,
        title: "BTC credited to the account".into(),
        description: "0.0213 BTC credited 2 minutes after the card payment.".into(),
        reference_id: Some(1),
        checklist: vec!["crypto_credited".into()],
    };
    desk.add_case_evidence(case_id, Some(ticket.id), credited, "evidence-1").await.unwrap();
    // A file (a wallet statement) goes to the document store and is named by the evidence.
    let statement = arbiter_desk::EvidenceFile {
        name: "wallet statement.png".into(),
        content_type: "image/png".into(),
        content_base64:
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==".into(),
    };
    let used = AddEvidence {
        kind: EvidenceKind::File,
        title: "Withdrawal of the BTC".into(),
        description: "The BTC left to the customer's own wallet.".into(),
        reference_id: None,
        checklist: vec!["crypto_used".into()],
    };
    let bad_type = arbiter_desk::EvidenceFile { content_type: "application/x-msdownload".into(), ..statement.clone() };
    assert_eq!(
        desk.attach_evidence_file(case_id, Some(ticket.id), bad_type, used.clone(), "exe").await.unwrap_err().code,
        ErrorCode::InvalidInput
    );
    let queued = desk.attach_evidence_file(case_id, Some(ticket.id), statement, used, "evidence-file").await.unwrap();
    assert_eq!(queued.len(), 2);
    // Two changes in a row, each made on the version the desk knew: no conflict with itself.
    let represent = CaseUpdate { decision: Some(CaseDecision::Represent), ..Default::default() };
    desk.update_case(case_id, Some(ticket.id), represent, "decide").await.unwrap();
    let skip = CaseUpdate { stage: Some(ChargebackStage::Arbitration), ..Default::default() };
    assert_eq!(
        desk.update_case(case_id, Some(ticket.id), skip, "skip").await.unwrap_err().code,
        ErrorCode::InvalidInput
    );
    let respond = CaseUpdate {
        stage: Some(ChargebackStage::Representment),
        status: Some(CaseStatus::AwaitingNetwork),
        ..Default::default()
    };
    desk.update_case(case_id, Some(ticket.id), respond, "respond").await.unwrap();
    // Shown at once, before the server has it.
    assert_eq!(desk.case_view(case_id).await.unwrap().lifecycle.unwrap().stage, ChargebackStage::Representment);
    sent(&desk).await;
    caught_up(&desk, &server.base_url(), "demo-priya").await;

    let view = desk.case_view(case_id).await.unwrap();
    assert!(view.outbox.is_empty(), "{:?}", view.outbox);
    assert_eq!(view.case.decision, Some(CaseDecision::Represent));
    assert_eq!(view.case.status, CaseStatus::AwaitingNetwork);
    let life = view.lifecycle.unwrap();
    assert_eq!(life.stage, ChargebackStage::Representment);
    assert_eq!(life.next, vec![ChargebackStage::PreArbitration, ChargebackStage::Won, ChargebackStage::Lost]);
    // The new stage's deadline counts from when it began (now), not from the filing.
    let due = life.network_deadline.unwrap();
    assert!(due > chrono::Utc::now() + chrono::Duration::days(29), "{due}");
    let reason = view.reason.clone().unwrap();
    let credited_line = reason.checklist.iter().find(|l| l.key == "crypto_credited").unwrap();
    assert_eq!(credited_line.evidence_ids.len(), 1);
    assert_eq!(reason.checklist.iter().find(|l| l.key == "crypto_used").unwrap().evidence_ids.len(), 1);
    let file = view.case.evidence.iter().find(|e| e.kind == EvidenceKind::File).unwrap();
    assert!(file.description.contains("File “wallet statement.png”"), "{}", file.description);
    let stored = view.documents.iter().find(|d| d.name == "wallet statement.png").expect("the file is on the case");
    assert!(file.description.contains(&stored.sha256));
    assert_eq!(stored.content_type, "image/png");
    let actions: Vec<&str> = view.events.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, vec!["created", "evidence_added", "evidence_added", "decided", "stage_changed"]);
    assert!(view.events.iter().all(|e| e.actor_name == "Priya Raman"));

    // Closing needs an outcome; won and closed, it is decided.
    let close = CaseUpdate { status: Some(CaseStatus::Closed), ..Default::default() };
    assert_eq!(desk.update_case(case_id, None, close, "close-early").await.unwrap_err().code, ErrorCode::InvalidInput);
    let won = CaseUpdate {
        stage: Some(ChargebackStage::Won),
        outcome: Some(CaseOutcome::RepresentedWon),
        status: Some(CaseStatus::Closed),
        recovered_usd_cents: Some(135_000),
        ..Default::default()
    };
    desk.update_case(case_id, Some(ticket.id), won, "won").await.unwrap();
    sent(&desk).await;
    caught_up(&desk, &server.base_url(), "demo-priya").await;
    let view = desk.case_view(case_id).await.unwrap();
    assert_eq!(view.case.status, CaseStatus::Closed);
    assert_eq!(view.case.recovered_usd_cents, 135_000);
    assert_eq!(view.lifecycle.unwrap().urgency, Urgency::Decided);

    // The report: PDF and Markdown to the document store, a copy where the agent chose.
    assert_eq!(desk.write_report(case_id, "  ", None, "report-empty").await.unwrap_err().code, ErrorCode::InvalidInput);
    let nowhere = dir.path().join("no/such/folder/report.pdf").display().to_string();
    let refused = desk.write_report(case_id, "Won.", Some(nowhere), "report-nowhere").await.unwrap_err();
    assert!(refused.message.contains("Could not write"), "{refused:?}");
    let copies = dir.path().join("my reports");
    std::fs::create_dir_all(&copies).unwrap();
    let analysis = "The BTC was credited two minutes after the card payment and withdrawn by the customer.";
    let report = desk.write_report(case_id, analysis, Some(copies.display().to_string()), "report-1").await.unwrap();
    assert_eq!(report.uploads.len(), 2);
    assert_eq!(report.saved.len(), 2);
    let copy = std::fs::read(&report.saved[0]).unwrap();
    assert!(copy.starts_with(b"%PDF"));
    assert_eq!(hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&copy)), report.pdf_sha256);
    sent(&desk).await;
    caught_up(&desk, &server.base_url(), "demo-priya").await;
    let view = desk.case_view(case_id).await.unwrap();
    let stored: Vec<(&str, &str)> = view.documents.iter().map(|d| (d.name.as_str(), d.sha256.as_str())).collect();
    assert!(stored.contains(&(report.pdf_name.as_str(), report.pdf_sha256.as_str())), "{stored:?}");
    assert!(stored.contains(&(report.markdown_name.as_str(), report.markdown_sha256.as_str())), "{stored:?}");
    assert!(!dir.path().join("desk/data/outbox-files").exists(), "files wait in the encrypted cache, not in clear");
    // What the store holds is byte for byte the agent's copy, and reads as a full report.
    let pdf_doc = view.documents.iter().find(|d| d.name == report.pdf_name).unwrap();
    let content = reqwest::Client::new()
        .get(format!("{}/v1/documents/{}/content", server.base_url(), pdf_doc.id))
        .bearer_auth("demo-priya")
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(content.as_ref(), copy.as_slice());
    let text_file = dir.path().join("stored.pdf");
    std::fs::write(&text_file, &content).unwrap();
    let text =
        std::process::Command::new("pdftotext").arg(&text_file).arg("-").output().expect("pdftotext (poppler-utils)");
    let text = String::from_utf8(text.stdout).unwrap();
    for section in [
        "Investigation report — Case",
        "Case facts",
        "Timeline",
        "Evidence",
        "Analysis",
        "Decision",
        "Outcome",
        "Investigator",
    ] {
        assert!(text.contains(section), "{section} missing:\n{text}");
    }
    for fact in [
        "13.1 · Merchandise or services not received",
        "BTC credited to the account",
        "represent",
        "represented won",
        "1358.70 USD",
        "Priya Raman",
        analysis,
    ] {
        assert!(text.replace('\n', " ").contains(fact), "{fact} missing:\n{text}");
    }

    // Offline, a change waits in the outbox and shows at once.
    server.kill().await;
    let reopen = CaseUpdate { status: Some(CaseStatus::Investigating), ..Default::default() };
    desk.update_case(case_id, Some(ticket.id), reopen, "reopen").await.unwrap();
    let view = desk.case_view(case_id).await.unwrap();
    assert_eq!(view.case.status, CaseStatus::Investigating);
    assert_eq!(view.outbox.len(), 1);
    // A report written offline waits with its files until the store can be reached.
    let later =
        desk.write_report(case_id, "Reopened: the customer sent new details.", None, "report-offline").await.unwrap();
    assert!(!dir.path().join("desk/data/outbox-files").exists(), "files wait in the encrypted cache, not in clear");
    assert_eq!(desk.case_view(case_id).await.unwrap().outbox.len(), 3);
    assert!(later.uploads.iter().all(|u| u.state == arbiter_cache::OutboxState::Pending));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chargebacks_compelling_evidence_is_checked_from_the_cache_as_planted() {
    let dir = tempfile::tempdir().unwrap();
    // Enough chargebacks for 10.4 cases of both kinds in the payments queue.
    let options = GeneratorOptions { seed: 3, tickets: 1_500, now: chrono::Utc::now() };
    let db = arbiter_server::Db::connect(dir.path().join("server.db").to_str().unwrap()).await.unwrap();
    let truth = arbiter_server::generator::generate(&db, &options).await.unwrap().ground_truth;
    let server = RunningServer::start_with(db, "127.0.0.1:0".parse().unwrap(), &Default::default()).await.unwrap();
    let desk = online_desk(&dir.path().join("desk"), &server.base_url(), "demo-priya", Arc::default()).await;

    let (mut seen, mut qualifying, mut not) = (Vec::new(), 0, 0);
    for planted in &truth.card_disputes {
        let Ok(view) = desk.case_view(planted.case_id).await else { continue }; // another team's
        let ce = view.compelling_evidence.clone().expect("a chargeback's card history is checked");
        assert_eq!((ce.qualifies, ce.history_matches), (planted.qualifies, planted.history_matches), "{planted:?}");
        assert_eq!(ce.disputed.as_ref().map(|d| d.event_id), planted.payment_event_id);
        if planted.history_matches {
            let found: std::collections::BTreeSet<i64> = ce
                .priors
                .iter()
                .filter(|p| p.prior.verdict == arbiter_policy::compelling_evidence::Verdict::Qualifies)
                .map(|p| p.prior.event_id)
                .collect();
            assert_eq!(found, planted.qualifying_event_ids.iter().copied().collect(), "{planted:?}");
        }
        let headline = ce.headline.english();
        if planted.qualifies {
            qualifying += 1;
            assert!(headline.starts_with("Qualifies for "), "{headline}");
            assert!(ce.missing.is_empty());
            assert!(ce.priors.iter().take(2).all(|p| p.payment.arn.len() == 23 && p.payment.device.is_some()));
        } else if ce.programme.is_some() {
            not += 1;
            assert!(headline.starts_with("Does not qualify"), "{headline}");
            assert!(!ce.missing.is_empty(), "says what is missing: {planted:?}");
        }
        seen.push((planted.case_id, ce));
    }
    assert!(qualifying > 0 && not > 0, "covered cases of both kinds in the queue: {qualifying} qualify, {not} do not");

    // Each open chargeback's advice follows its reason code's history — here the whole
    // history, since the payments queue holds every chargeback.
    use arbiter_policy::advice::{recommend, Advice, Basis, ReasonHistory};
    let all: Vec<arbiter_contract::Case> = sqlx::query_scalar::<_, String>("SELECT data FROM cases")
        .fetch_all(&server.db().pool)
        .await
        .unwrap()
        .iter()
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let history_of = |card: &arbiter_contract::CardDispute| {
        let mut h = ReasonHistory::default();
        for other in all
            .iter()
            .filter(|c| c.card.as_ref().is_some_and(|o| o.network == card.network && o.reason_code == card.reason_code))
        {
            match other.outcome {
                Some(arbiter_contract::CaseOutcome::RepresentedWon) => h.won += 1,
                Some(arbiter_contract::CaseOutcome::RepresentedLost) => h.lost += 1,
                Some(arbiter_contract::CaseOutcome::Refunded) => h.accepted += 1,
                _ => {}
            }
            h.recovered_usd_cents += if other.outcome.is_some() { other.recovered_usd_cents } else { 0 };
        }
        h
    };
    let mut advised = std::collections::HashMap::new();
    for (case_id, ce) in &seen {
        let view = desk.case_view(*case_id).await.unwrap();
        let card = view.case.card.as_ref().unwrap();
        let Some(advice) = view.advice else {
            assert_eq!(view.case.status, arbiter_contract::CaseStatus::Closed, "every open chargeback is advised");
            continue;
        };
        let expected = recommend(history_of(card), view.case.amount_usd_cents, ce.qualifies, 2_500, 5);
        assert_eq!(advice.recommendation, expected, "case {case_id}");
        if ce.qualifies {
            assert_eq!(
                (advice.recommendation.advice, advice.recommendation.basis),
                (Advice::Represent, Basis::CompellingEvidence)
            );
        }
        assert!(!advice.text.english().contains("{{"), "{}", advice.text.english());
        *advised.entry(advice.recommendation.basis).or_insert(0) += 1;
    }
    assert!(advised.len() >= 2, "the demo's open chargebacks get more than one kind of advice: {advised:?}");

    // Offline, from the cache alone, the same answers.
    server.kill().await;
    for (case_id, before) in seen {
        assert_eq!(desk.case_view(case_id).await.unwrap().compelling_evidence, Some(before));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customers_risk_from_the_cache_matches_the_engine_over_all_the_data() {
    use arbiter_contract::ActivityEvent;

    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let desk = online_desk(&dir.path().join("desk"), &server.base_url(), "demo-haruto", Arc::default()).await; // fraud: the accounts with fraud claims

    // The whole truth, on the server: every customer's events and every link.
    let all = server_activity(&server).await;
    let links = arbiter_risk::Links::from_events(&all);
    let policy = arbiter_contract::defaults::risk_policy();

    let mut customers = std::collections::BTreeSet::new();
    for row in desk.list_tickets(InboxView::All, None, 500).await.unwrap() {
        if let Some(customer) = desk.ticket(row.id).await.unwrap().customer {
            customers.insert((customer.id, customer.legal_name));
        }
    }
    assert!(customers.len() > 5);
    // The customers whose activity this desk holds.
    let mut held = std::collections::BTreeSet::new();
    for customer in all.iter().map(|e| e.customer_id).collect::<std::collections::BTreeSet<_>>() {
        if desk.customer_risk(customer).await.is_ok_and(|r| !r.timeline.is_empty()) {
            held.insert(customer);
        }
    }
    let customers_first = customers.iter().next().unwrap().0;
    let (mut flagged, mut beyond, mut known) = (0, 0, Vec::new());
    for (id, legal_name) in customers {
        let mine: Vec<ActivityEvent> = all.iter().filter(|e| e.customer_id == id).cloned().collect();
        let subject = arbiter_risk::Subject { customer_id: id, legal_name };
        let expected = arbiter_risk::score(&policy, &subject, &mine, &links, chrono::Utc::now());
        let local = desk.customer_risk(id).await.unwrap();
        // The customer's own patterns (rules 1–3, 5, 6, 8) are all in the cache…
        let own = |s: &arbiter_risk::RiskScore| {
            s.findings
                .iter()
                .filter(|f| f.rule != 4 && f.rule != 7)
                .map(|f| (f.rule, f.event_ids.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(own(&local.risk), own(&expected), "customer {id}: the cache sees their own patterns");
        // …links only to accounts the desk holds (the agent's scope): those it finds exactly,
        // until the company API has told it of the rest (fetched ahead for the agent's own
        // tickets, see below).
        let visible = arbiter_risk::Links::from_events(all.iter().filter(|e| held.contains(&e.customer_id)));
        let in_scope = arbiter_risk::score(&policy, &subject, &mine, &visible, chrono::Utc::now());
        let rules = |s: &arbiter_risk::RiskScore| {
            s.findings.iter().map(|f| (f.rule, f.event_ids.clone(), f.linked_customer_ids.clone())).collect::<Vec<_>>()
        };
        let so_far = if local.links_checked_at.is_some() { &expected } else { &in_scope };
        assert_eq!(rules(&local.risk), rules(so_far), "customer {id}: links within the desk's scope");
        assert_eq!(local.timeline.len(), mine.len(), "customer {id}: the whole timeline is cached");
        assert!(local.timeline.windows(2).all(|w| w[0].at >= w[1].at), "newest first");

        // Accounts outside the desk's queues come from the company API: then every link is
        // found, exactly as the engine finds it over all the data.
        desk.refresh_customer_links(id).await.unwrap();
        let local = desk.customer_risk(id).await.unwrap();
        assert_eq!(rules(&local.risk), rules(&expected), "customer {id}: every link, whoever's queue");
        assert_eq!(local.risk.score, expected.score);
        let refs: Vec<&ActivityEvent> = mine.iter().collect();
        assert_eq!(local.links, links.of_customer(id, &refs), "customer {id}: what they share, with whom");
        assert!(local.links_checked_at.is_some() && !local.links_truncated);
        let linked: Vec<i64> = local.linked_customers.iter().map(|c| c.customer_id).collect();
        for link in &local.links {
            assert!(link.customer_ids.iter().all(|c| linked.contains(c)));
        }
        for other in &local.linked_customers {
            assert_eq!(other.outside_queues, !held.contains(&other.customer_id), "{other:?}");
            assert!(other.name.is_some() && other.account_id.is_some(), "named either way: {other:?}");
            beyond += usize::from(other.outside_queues);
        }
        if !local.risk.findings.is_empty() {
            flagged += 1;
            assert!(local.risk.findings.iter().all(|f| !f.explanation.is_empty() && !f.event_ids.is_empty()));
        }
        known.push((id, local));
    }
    assert!(flagged > 0, "the fraud queue's customers include planted patterns");
    assert!(beyond > 0, "some of them are linked to accounts outside the fraud queue");

    // Offline, the links found stay known; asking again says the desk is offline.
    server.kill().await;
    for (id, before) in known {
        let now = desk.customer_risk(id).await.unwrap();
        assert_eq!(
            (now.links, now.linked_customers, now.risk.findings),
            (before.links, before.linked_customers, before.risk.findings)
        );
        assert_eq!(now.links_checked_at, before.links_checked_at);
    }
    let offline = desk.refresh_customer_links(customers_first).await.unwrap_err();
    assert_eq!(offline.code, ErrorCode::Offline, "{offline:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn linked_accounts_of_the_agents_own_customers_are_fetched_ahead_for_offline() {
    use arbiter_contract::{ActivityEvent, TicketStatus};

    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let all = server_activity(&server).await;
    let links = arbiter_risk::Links::from_events(&all);
    let desk = online_desk(&dir.path().join("desk"), &server.base_url(), "demo-haruto", Arc::default()).await;

    // The customers of Haruto's own active tickets.
    let mut customers = std::collections::BTreeSet::new();
    for row in desk.list_tickets(InboxView::Mine, None, 500).await.unwrap() {
        let view = desk.ticket(row.id).await.unwrap();
        if matches!(
            view.ticket.status,
            TicketStatus::New | TicketStatus::Open | TicketStatus::Pending | TicketStatus::OnHold
        ) {
            customers.insert(view.ticket.customer_id);
        }
    }
    assert!(!customers.is_empty(), "Haruto has tickets of his own");
    for _ in 0..200 {
        let mut asked = 0;
        for id in &customers {
            asked += usize::from(desk.customer_risk(*id).await.unwrap().links_checked_at.is_some());
        }
        if asked == customers.len() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // Without the risk tab ever asking, and with the server gone, their links are complete.
    server.kill().await;
    for id in &customers {
        let local = desk.customer_risk(*id).await.unwrap();
        assert!(local.links_checked_at.is_some(), "customer {id} was fetched ahead");
        let mine: Vec<&ActivityEvent> = all.iter().filter(|e| e.customer_id == *id).collect();
        assert_eq!(local.links, links.of_customer(*id, &mine), "customer {id}: every link, offline");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_suspicious_account_is_reported_to_compliance_from_its_risk() {
    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let desk = online_desk(&dir.path().join("desk"), &server.base_url(), "demo-haruto", Arc::default()).await;

    // A customer of the fraud queue with findings.
    let mut flagged = None;
    for row in desk.list_tickets(InboxView::All, None, 500).await.unwrap() {
        let Some(customer) = desk.ticket(row.id).await.unwrap().customer else { continue };
        let risk = desk.customer_risk(customer.id).await.unwrap();
        if !risk.risk.findings.is_empty() && desk.customer_sars(customer.id).await.unwrap().is_empty() {
            flagged = Some((row.id, risk));
            break;
        }
    }
    let (ticket_id, risk) = flagged.expect("a flagged customer without a report");
    let customer = risk.risk.customer_id;
    let draft = arbiter_desk::SarDraft {
        customer_id: customer,
        linked_customer_ids: risk.linked_customers.iter().map(|c| c.customer_id).collect(),
        activity_event_ids: risk.risk.findings.iter().flat_map(|f| f.event_ids.clone()).collect(),
        rules_fired: risk.risk.findings.iter().map(|f| i64::from(f.rule)).collect(),
        risk_score: Some(risk.risk.score),
        narrative: "Too short".into(),
        case_id: None,
    };
    let refused = desk.file_sar(None, Some(ticket_id), draft.clone(), true, "sar-short").await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);

    // A draft first…
    desk.file_sar(None, Some(ticket_id), draft.clone(), false, "sar-1").await.unwrap();
    wait_for(&desk, "the draft was sent", |s| s.outbox_pending == 0).await;
    let sars = desk.customer_sars(customer).await.unwrap();
    assert_eq!(sars.len(), 1);
    assert_eq!(sars[0].status, arbiter_contract::SarStatus::Draft);
    assert_eq!(sars[0].rules_fired, draft.rules_fired);
    // …then the narrative written and sent to compliance.
    let narrative = format!("The customer's activity shows: {}.", risk.risk.findings[0].explanation);
    let submit = arbiter_desk::SarDraft { narrative: narrative.clone(), ..draft };
    desk.file_sar(Some(sars[0].id), Some(ticket_id), submit, true, "sar-2").await.unwrap();
    wait_for(&desk, "the report was sent", |s| s.outbox_pending == 0).await;
    let sent = desk.customer_sars(customer).await.unwrap().remove(0);
    assert_eq!(sent.status, arbiter_contract::SarStatus::Submitted);
    assert_eq!(sent.narrative, narrative);
    let again = desk.file_sar(
        Some(sent.id),
        None,
        arbiter_desk::SarDraft { narrative: narrative.clone(), ..submit_copy(&sent) },
        false,
        "sar-3",
    );
    assert_eq!(again.await.unwrap_err().code, ErrorCode::InvalidInput, "a sent report is not edited");

    // Compliance acknowledges; the desk learns it.
    let fatima = arbiter_client::ApiClient::new(&server.base_url(), ApiToken::new("demo-fatima")).unwrap();
    let answer = reqwest::Client::new()
        .post(format!("{}/v1/sars/{}/acknowledge", server.base_url(), sent.id))
        .bearer_auth("demo-fatima")
        .header("Idempotency-Key", "ack-sar")
        .header("If-Match", format!("\"{}\"", sent.version))
        .send()
        .await
        .unwrap();
    assert!(answer.status().is_success(), "{}", answer.text().await.unwrap());
    let _ = fatima;
    desk.sync_now().await.unwrap();
    for _ in 0..100 {
        if desk.customer_sars(customer).await.unwrap()[0].status == arbiter_contract::SarStatus::Acknowledged {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(desk.customer_sars(customer).await.unwrap()[0].status, arbiter_contract::SarStatus::Acknowledged);
}

fn submit_copy(sar: &arbiter_contract::Sar) -> arbiter_desk::SarDraft {
    arbiter_desk::SarDraft {
        customer_id: sar.subject_customer_id,
        linked_customer_ids: sar.linked_customer_ids.clone(),
        activity_event_ids: sar.activity_event_ids.clone(),
        rules_fired: sar.rules_fired.clone(),
        risk_score: sar.risk_score,
        narrative: sar.narrative.clone(),
        case_id: sar.case_id,
    }
}

/// Waits until `check` holds for the desk's panel of `customer`.
async fn panel_until(
    desk: &Desk,
    customer: i64,
    what: &str,
    check: impl Fn(&arbiter_desk::AccountPanel) -> bool,
) -> arbiter_desk::AccountPanel {
    for _ in 0..200 {
        let panel = desk.account_panel(customer).await.unwrap();
        if check(&panel) {
            return panel;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what} never showed: {:?}", desk.account_panel(customer).await.unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_takeover_s_withdrawal_is_held_at_once_and_lifting_a_freeze_waits_for_the_lead() {
    use arbiter_contract::{AccountAction, ActivityDetail, Approver, RequestAction, RequestStatus, TransferStatus};

    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let url = server.base_url();
    let olga_alerts = Arc::new(Recorder::default());
    let haruto = online_desk(&dir.path().join("haruto"), &url, "demo-haruto", Arc::default()).await;
    let olga = online_desk(&dir.path().join("olga"), &url, "demo-olga", olga_alerts.clone()).await;
    tokio::time::sleep(Duration::from_millis(300)).await; // the streams connect

    // A fraud customer whose withdrawal waits out the lock after a security change.
    let mut found = None;
    for row in haruto.list_tickets(InboxView::All, None, 500).await.unwrap() {
        let Some(customer) = haruto.ticket(row.id).await.unwrap().customer else { continue };
        let panel = haruto.account_panel(customer.id).await.unwrap();
        if let Some(withdrawal) = panel.pending_withdrawals.first() {
            found = Some((row.id, customer.id, withdrawal.id, panel));
            break;
        }
    }
    let (ticket_id, customer, withdrawal, panel) = found.expect("a customer with a pending withdrawal");
    assert!(panel.reason_codes.iter().any(|r| r.code == "account_takeover"), "the policy's reasons");
    // Rule 2 fired (a security change, then this withdrawal): its stop is offered pre-filled.
    let takeover = panel.suggestions.iter().find(|s| s.rule == 2).expect("rule 2's suggestion");
    assert_eq!(takeover.reason, "account_takeover");
    assert_eq!(
        takeover.actions,
        vec![AccountAction::HoldWithdrawals, AccountAction::RevokeSessions, AccountAction::ForceReset]
    );
    let ask = |action: AccountAction, reason: &str| RequestAction {
        action,
        reason: reason.into(),
        note: "rule 2 fired on the risk tab".into(),
        expires_at: None,
    };
    let made_up = haruto.request_account_action(customer, Some(ticket_id), ask(AccountAction::Freeze, "because"), "x");
    assert_eq!(made_up.await.unwrap_err().code, ErrorCode::InvalidInput, "reasons come from the policy");

    // Holding needs nobody: applied by the server, held on the timeline.
    let hold = AccountAction::HoldWithdrawal { withdrawal_id: withdrawal };
    assert!(haruto.approvers_for(customer, hold.clone()).await.unwrap().is_empty());
    haruto.request_account_action(customer, Some(ticket_id), ask(hold, "account_takeover"), "hold-1").await.unwrap();
    wait_for(&haruto, "the hold was sent", |s| s.outbox_pending == 0).await;
    let held = panel_until(&haruto, customer, "the hold", |p| {
        p.controls.held_withdrawals.iter().any(|h| h.withdrawal_id == withdrawal)
            && p.pending_withdrawals.iter().any(|w| {
                w.id == withdrawal
                    && matches!(w.detail, ActivityDetail::Withdrawal { status: TransferStatus::Held, .. })
            })
    })
    .await;
    assert_eq!(held.requests[0].status, RequestStatus::Applied);

    // Freezing applies; lifting the freeze waits for the team lead or risk.
    haruto
        .request_account_action(customer, Some(ticket_id), ask(AccountAction::Freeze, "account_takeover"), "freeze-1")
        .await
        .unwrap();
    wait_for(&haruto, "the freeze was sent", |s| s.outbox_pending == 0).await;
    panel_until(&haruto, customer, "the freeze", |p| p.controls.frozen.is_some()).await;
    assert_eq!(
        haruto.approvers_for(customer, AccountAction::Unfreeze).await.unwrap(),
        vec![Approver::TeamSupervisor, Approver::Risk]
    );
    haruto
        .request_account_action(customer, Some(ticket_id), ask(AccountAction::Unfreeze, "resolved"), "unfreeze-1")
        .await
        .unwrap();
    wait_for(&haruto, "the request was sent", |s| s.outbox_pending == 0).await;
    let waiting = panel_until(&haruto, customer, "the waiting request", |p| {
        p.requests.first().is_some_and(|r| r.status == RequestStatus::AwaitingApproval)
    })
    .await;
    assert!(waiting.controls.frozen.is_some(), "still frozen while it waits");
    let request_id = waiting.requests[0].id;
    assert!(haruto.approvals().await.unwrap().is_empty(), "never one's own");

    // Olga is told at once, finds it in her approvals, and approves it.
    for _ in 0..100 {
        if olga_alerts.alerts.lock().unwrap().iter().any(|a| a.key == format!("approval-{request_id}")) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let told = olga_alerts.alerts.lock().unwrap().clone();
    let alert = told.iter().find(|a| a.key == format!("approval-{request_id}")).expect("the lead is told");
    assert!(alert.urgent);
    assert_eq!(alert.title, "Approval needed · unfreeze");
    let mut approvals = Vec::new();
    for _ in 0..100 {
        approvals = olga.approvals().await.unwrap();
        if !approvals.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(approvals.iter().map(|a| a.request.id).collect::<Vec<_>>(), vec![request_id]);
    assert_eq!(approvals[0].requester_name.as_deref(), Some("Haruto Sato"));
    assert_eq!(approvals[0].reason_label.as_deref(), Some("Resolved after review"));
    let blank = olga.answer_action_request(request_id, true, " ".into(), "blank").await.unwrap_err();
    assert_eq!(blank.code, ErrorCode::InvalidInput);
    olga.answer_action_request(request_id, true, "Customer verified by video call".into(), "approve-1").await.unwrap();
    wait_for(&olga, "the approval was sent", |s| s.outbox_pending == 0 && s.outbox_failed == 0).await;
    let lifted = panel_until(&haruto, customer, "the lifted freeze", |p| p.controls.frozen.is_none()).await;
    assert_eq!(lifted.requests[0].status, RequestStatus::Applied);
    assert_eq!(lifted.requests[0].approval.as_ref().map(|a| a.agent_id), Some(10));

    // Several actions asked in a row (the finding's suggestion) are each made on the version
    // the one before left: all apply, none comes back as a conflict with the agent's own.
    for (i, action) in takeover.actions.iter().enumerate() {
        let key = format!("suggested-{i}");
        haruto
            .request_account_action(customer, Some(ticket_id), ask(action.clone(), "account_takeover"), &key)
            .await
            .unwrap();
    }
    wait_for(&haruto, "the suggestions were sent", |s| s.outbox_pending == 0).await;
    assert_eq!(haruto.sync_status().outbox_failed, 0, "{:?}", haruto.account_panel(customer).await.unwrap().outbox);
    let stopped = panel_until(&haruto, customer, "the suggested stop", |p| {
        p.controls.withdrawals_held.is_some() && p.controls.reset_required.is_some()
    })
    .await;
    assert!(stopped.controls.sessions_revoked_at.is_some());
    assert!(stopped.suggestions.iter().all(|s| s.rule != 2), "nothing left to suggest for rule 2");

    // The lead saves the period's actions for compliance: the approved unfreeze among them.
    let today = chrono::Utc::now().date_naive();
    let path = dir.path().join("account-actions.csv");
    let query = arbiter_contract::ControlsReportQuery { from: today, to: today };
    olga.export_controls_csv(query.clone(), path.to_str().unwrap()).await.unwrap();
    let csv = std::fs::read_to_string(&path).unwrap();
    assert!(csv.starts_with("applied_at,customer_id,account_id,action,"), "{csv}");
    assert!(csv.lines().any(|l| l.contains(",unfreeze,") && l.contains("\"Olga Petrova\"")), "{csv}");
    let refused = haruto.export_controls_csv(query, dir.path().join("mine.csv").to_str().unwrap()).await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::Rejected, "an agent does not read it");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_account_action_asked_offline_goes_once_and_one_on_a_stale_account_comes_back_a_conflict() {
    use arbiter_cache::OutboxState;
    use arbiter_contract::{AccountAction, RequestAction};

    let dir = tempfile::tempdir().unwrap();
    let server = server(dir.path()).await;
    let url = server.base_url();
    let addr = server.addr;
    let store = Arc::new(MemoryStore::default());
    let haruto_dir = dir.path().join("haruto");
    let haruto = Desk::new(paths(&haruto_dir), store.clone(), Arc::new(Recorder::default()));
    haruto.start().await.unwrap();
    haruto.sign_in(&url, "demo-haruto").await.unwrap();
    wait_for(&haruto, "online", |s| s.state == SyncState::Online).await;
    let mut customer = None;
    for row in haruto.list_tickets(InboxView::All, None, 500).await.unwrap() {
        if let Some(c) = haruto.ticket(row.id).await.unwrap().customer {
            customer = Some(c.id);
            break;
        }
    }
    let customer = customer.expect("a customer in the fraud queue");
    let ask = |action: AccountAction| RequestAction {
        action,
        reason: "account_takeover".into(),
        note: "asked offline".into(),
        expires_at: None,
    };
    let count = async |pool: &sqlx::AnyPool, kind: &str| -> i64 {
        sqlx::query_scalar::<_, String>("SELECT data FROM action_requests WHERE customer_id = $1")
            .bind(customer)
            .fetch_all(pool)
            .await
            .unwrap()
            .iter()
            .filter(|d| d.contains(&format!("\"kind\":\"{kind}\"")))
            .count() as i64
    };

    // The server goes away: a freeze asked now waits in the outbox and is not applied here.
    server.kill().await;
    wait_for(&haruto, "offline", |s| s.state == SyncState::Offline).await;
    let queued =
        haruto.request_account_action(customer, None, ask(AccountAction::Freeze), "freeze-offline").await.unwrap();
    assert_eq!(queued.state, OutboxState::Pending);
    let panel = haruto.account_panel(customer).await.unwrap();
    assert!(panel.controls.frozen.is_none(), "never applied without the server's answer");
    assert_eq!(panel.outbox.len(), 1, "shown as waiting");
    // And a trading block, asked on the account as the desk knows it (version 1).
    haruto.request_account_action(customer, None, ask(AccountAction::BlockTrading), "block-offline").await.unwrap();
    drop(haruto);

    // Back up; before this desk is, someone else acts on the account: the freeze and the block
    // were asked on a state that no longer holds.
    let server = RunningServer::start(
        arbiter_server::Db::connect(dir.path().join("server.db").to_str().unwrap()).await.unwrap(),
        addr,
    )
    .await
    .unwrap();
    let other = reqwest::Client::new()
        .post(format!("{url}/v1/customers/{customer}/actions"))
        .bearer_auth("demo-daniel")
        .header("Idempotency-Key", "daniel-kyc")
        .header("If-Match", "\"1\"")
        .json(&serde_json::json!({"action": {"kind": "require_kyc"}, "reason": "aml_review", "note": "documents expired"}))
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 201, "{}", other.text().await.unwrap());

    let haruto = Desk::new(paths(&haruto_dir), store.clone(), Arc::new(Recorder::default()));
    haruto.start().await.unwrap();
    wait_for(&haruto, "both came back as conflicts", |s| s.outbox_pending == 0 && s.state == SyncState::Online).await;
    let panel = panel_until(&haruto, customer, "the conflicts", |p| {
        p.outbox.iter().filter(|i| i.state == OutboxState::Conflict).count() == 2
    })
    .await;
    assert!(panel.controls.kyc_required.is_some(), "the account as it is now is shown");
    assert!(panel.controls.frozen.is_none() && panel.controls.trading_blocked.is_none(), "nothing overwritten");
    assert_eq!(count(&server.db().pool, "freeze").await, 0);
    let conflict = panel.outbox.iter().find(|i| i.id == "freeze-offline").unwrap();
    assert!(conflict.last_error.as_deref().unwrap_or("").contains("the account changed since you looked"));
    assert!(
        matches!(&conflict.conflict, Some(arbiter_contract::Entity::AccountControls(c)) if c.version == 2),
        "the account as the server has it comes with the conflict: {conflict:?}"
    );

    // The agent looks and sends the freeze again on the account as it is; drops the block.
    haruto.resolve_conflict("freeze-offline", true, "freeze-again").await.unwrap();
    haruto.resolve_conflict("block-offline", false, "unused").await.unwrap();
    let frozen =
        panel_until(&haruto, customer, "the freeze", |p| p.controls.frozen.is_some() && p.outbox.is_empty()).await;
    assert!(frozen.controls.kyc_required.is_some() && frozen.controls.trading_blocked.is_none());
    assert_eq!(count(&server.db().pool, "freeze").await, 1, "asked once, applied once");
    assert_eq!(count(&server.db().pool, "block_trading").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_qualifying_chargeback_is_answered_with_its_packet_once_even_offline() {
    use arbiter_cache::OutboxState;
    use arbiter_contract::{Case, CaseDecision, CaseStatus, ChargebackStage, Document, ExhibitKind};
    use arbiter_policy::chargeback::Urgency;
    use sha2::Digest;

    let dir = tempfile::tempdir().unwrap();
    let options = GeneratorOptions { seed: 3, tickets: 1_500, now: chrono::Utc::now() };
    let db_path = dir.path().join("server.db");
    let db = arbiter_server::Db::connect(db_path.to_str().unwrap()).await.unwrap();
    let truth = arbiter_server::generator::generate(&db, &options).await.unwrap().ground_truth;
    let server = RunningServer::start(db, "127.0.0.1:0".parse().unwrap()).await.unwrap();
    let (url, addr) = (server.base_url(), server.addr);
    let store = Arc::new(MemoryStore::default());
    let priya_dir = dir.path().join("priya");
    let priya = Desk::new(paths(&priya_dir), store.clone(), Arc::new(Recorder::default()));
    priya.start().await.unwrap();
    priya.sign_in(&url, "demo-priya").await.unwrap();
    wait_for(&priya, "online", |s| s.state == SyncState::Online).await;

    // A 10.4 chargeback in Priya's queue that CE 3.0 qualifies, still at its first chargeback.
    let mut chosen = None;
    for planted in truth.card_disputes.iter().filter(|p| p.qualifies && p.reason_code == "10.4") {
        if let Ok(view) = priya.case_view(planted.case_id).await {
            let stage = view.case.card.as_ref().unwrap().stage;
            if view.case.status != CaseStatus::Closed && stage == ChargebackStage::FirstChargeback {
                chosen = Some(planted.case_id);
                break;
            }
        }
    }
    let case_id = chosen.expect("an open qualifying 10.4 chargeback in the payments queue");

    let draft = priya.representment_draft(case_id, None).await.unwrap();
    assert_eq!(draft.language, "en");
    assert_eq!(draft.languages, vec!["en", "de", "es"]);
    assert_eq!(draft.moves_to, Some(ChargebackStage::PreArbitration), "Visa allocation: the answer is pre-arbitration");
    let kinds: Vec<ExhibitKind> = draft.exhibits.iter().map(|e| e.kind).collect();
    assert!(kinds.starts_with(&[ExhibitKind::Payment, ExhibitKind::ThreeDSecure]), "{kinds:?}");
    assert!(kinds.contains(&ExhibitKind::PriorPayments) && kinds.contains(&ExhibitKind::Kyc));
    assert!(draft.letter.contains("Visa Compelling Evidence 3.0"));
    let cited = arbiter_representment::letter::citations(&draft.letter, "Exhibit {{n}}");
    assert_eq!(cited, (1..=draft.exhibits.len() as u32).collect::<Vec<_>>(), "{}", draft.letter);
    assert!(
        draft.review.iter().all(|l| l.severity != arbiter_representment::review::FindingSeverity::Blocks),
        "{:?}",
        draft.review
    );
    let german = priya.representment_draft(case_id, Some("de".into())).await.unwrap();
    assert!(german.letter.starts_with("Betreff:") && german.exhibits[0].label == "Anlage 1");

    // A letter citing an exhibit the packet lacks is refused, and nothing is queued.
    let before = priya.sync_status().outbox_pending;
    let bad = format!("{}\n\nSee also Exhibit 99.", draft.letter);
    let lines = priya.review_representment(case_id, "en".into(), bad.clone()).await.unwrap();
    assert!(lines.iter().any(|l| l.text.english() == "The letter cites Exhibit 99, which the packet does not have."));
    let refused = priya.submit_representment(case_id, "en".into(), bad, "packet-bad").await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput, "{refused:?}");
    assert_eq!(priya.sync_status().outbox_pending, before);

    // Offline, the reviewed letter is queued; the case already shows it answered.
    server.kill().await;
    wait_for(&priya, "offline", |s| s.state == SyncState::Offline).await;
    let letter = format!("{}\n\nReviewed by Priya Raman.", draft.letter);
    let outcome = priya.submit_representment(case_id, "en".into(), letter.clone(), "packet-1").await.unwrap();
    assert_eq!(outcome.queued.len(), 4, "the PDF, its evidence, the JSON, the case's move");
    assert!(outcome.queued.iter().all(|i| i.state == OutboxState::Pending));
    let local = priya.case_view(case_id).await.unwrap();
    let life = local.lifecycle.unwrap();
    assert_eq!(
        (life.stage, life.urgency, life.response_due),
        (ChargebackStage::PreArbitration, Urgency::WithNetwork, None)
    );
    drop(priya);

    // Back up: sent once, and the server holds what was built.
    let server = RunningServer::start(arbiter_server::Db::connect(db_path.to_str().unwrap()).await.unwrap(), addr)
        .await
        .unwrap();
    let priya = Desk::new(paths(&priya_dir), store.clone(), Arc::new(Recorder::default()));
    priya.start().await.unwrap();
    wait_for(&priya, "the packet was sent", |s| s.outbox_pending == 0 && s.state == SyncState::Online).await;
    assert_eq!(priya.sync_status().outbox_failed, 0);
    let pool = &server.db().pool;
    let rows: Vec<(String, Vec<u8>)> = sqlx::query_as(
        "SELECT d.data, c.content FROM documents d JOIN document_contents c ON c.id = d.id WHERE d.case_id = $1",
    )
    .bind(case_id)
    .fetch_all(pool)
    .await
    .unwrap();
    let docs: Vec<(Document, Vec<u8>)> =
        rows.into_iter().map(|(d, c)| (serde_json::from_str(&d).unwrap(), c)).collect();
    let pdf = docs.iter().filter(|(d, _)| d.name == outcome.pdf_name).collect::<Vec<_>>();
    assert_eq!(pdf.len(), 1, "the PDF is stored once");
    assert_eq!(pdf[0].0.sha256, outcome.pdf_sha256);
    assert_eq!(hex::encode(sha2::Sha256::digest(&pdf[0].1)), outcome.pdf_sha256, "the bytes are the hash's");
    let json = docs.iter().find(|(d, _)| d.name == outcome.json_name).expect("the JSON is stored");
    let body: serde_json::Value = serde_json::from_slice(&json.1).unwrap();
    assert_eq!(arbiter_representment::stripe::check(&body), vec![]);
    assert_eq!(body["evidence"]["uncategorized_text"], letter);
    assert_eq!(body["evidence"]["uncategorized_file"], format!("arbiter_document:{}", outcome.pdf_sha256));
    let priors = &body["evidence"]["enhanced_evidence"]["visa_compelling_evidence_3"]["prior_undisputed_transactions"];
    assert_eq!(priors.as_array().map(Vec::len), Some(2));

    let data: String =
        sqlx::query_scalar("SELECT data FROM cases WHERE id = $1").bind(case_id).fetch_one(pool).await.unwrap();
    let case: Case = serde_json::from_str(&data).unwrap();
    let card = case.card.as_ref().unwrap();
    assert_eq!(
        (card.stage, case.status, case.decision),
        (ChargebackStage::PreArbitration, CaseStatus::AwaitingNetwork, Some(CaseDecision::Represent))
    );
    assert_eq!(case.due_at, None, "the response clock stops");
    let packets: Vec<_> = case.evidence.iter().filter(|e| e.title.starts_with("Representment packet")).collect();
    assert_eq!(packets.len(), 1, "the evidence is added once");
    assert!(
        packets[0].checklist.contains(&"prior_transactions".to_owned())
            && packets[0].checklist.contains(&"login_history".to_owned())
    );
    assert!(packets[0].description.contains(&outcome.pdf_sha256));
}

/// Card deposits of customers with tickets in `queue`, newest first, with where their crypto went.
async fn card_deposits_in(
    server: &RunningServer,
    queue: &str,
) -> Vec<(arbiter_contract::ActivityEvent, arbiter_policy::alerts::CryptoWhereabouts)> {
    let activity = server_activity(server).await;
    let customers: Vec<i64> = sqlx::query_scalar("SELECT DISTINCT customer_id FROM tickets WHERE queue = $1")
        .bind(queue)
        .fetch_all(&server.db().pool)
        .await
        .unwrap();
    let mut out = Vec::new();
    for event in activity.iter().rev() {
        let arbiter_contract::ActivityDetail::Deposit { card_last4: Some(_), .. } = &event.detail else { continue };
        if !customers.contains(&event.customer_id) {
            continue;
        }
        let own: Vec<_> = activity.iter().filter(|e| e.customer_id == event.customer_id).cloned().collect();
        out.push((event.clone(), arbiter_policy::alerts::whereabouts(event.at, &own)));
    }
    out
}

fn alert_body(kind: &str, id: &str, deposit: &arbiter_contract::ActivityEvent) -> serde_json::Value {
    let arbiter_contract::ActivityDetail::Deposit { card_last4: Some(last4), .. } = &deposit.detail else {
        panic!("a card deposit")
    };
    serde_json::json!({
        "kind": kind, "external_id": id, "network": "visa", "card_last4": last4,
        "amount_minor": 250_000, "currency": "USD", "transaction_at": deposit.at,
        "issuer_reason": "Cardholder does not recognise the transaction", "raised_at": chrono::Utc::now(),
    })
}

async fn deliver_alert(url: &str, body: &serde_json::Value) -> arbiter_contract::DisputeAlert {
    let made = reqwest::Client::new()
        .post(format!("{url}/v1/inbound/dispute-alerts"))
        .bearer_auth(GATEWAY)
        .json(body)
        .send()
        .await
        .unwrap();
    assert_eq!(made.status(), 201);
    made.json().await.unwrap()
}

async fn alert_until(
    desk: &Desk,
    id: i64,
    what: &str,
    check: impl Fn(&arbiter_desk::AlertDetail) -> bool,
) -> arbiter_desk::AlertDetail {
    for _ in 0..200 {
        if let Ok(detail) = desk.dispute_alert(id).await {
            if check(&detail) {
                return detail;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what} never showed: {:?}", desk.dispute_alert(id).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pre_dispute_alert_is_answered_once_even_offline_and_a_late_answer_is_refused() {
    use arbiter_cache::OutboxState;
    use arbiter_contract::{AlertOutcome, AlertStatus};

    let dir = tempfile::tempdir().unwrap();
    let server = server_with_gateway(dir.path()).await;
    let url = server.base_url();
    let addr = server.addr;
    let deposits = card_deposits_in(&server, "disputes").await;
    let store = Arc::new(MemoryStore::default());
    let ava_dir = dir.path().join("ava");
    let ava = Desk::new(paths(&ava_dir), store.clone(), Arc::new(Recorder::default()));
    ava.start().await.unwrap();
    ava.sign_in(&url, "demo-ava").await.unwrap();
    wait_for(&ava, "online", |s| s.state == SyncState::Online).await;

    // The demo's alerts are in the queue, open ones by their deadline.
    let queue = ava.dispute_alerts().await.unwrap();
    assert!(queue.savings.alerts > 0 && queue.open.len() + queue.closed.len() > 0, "{:?}", queue.savings);
    assert!(queue.open.windows(2).all(|w| w[0].alert.respond_by <= w[1].alert.respond_by));
    assert!(queue.open.iter().chain(&queue.closed).all(|r| r.alert.queue == "disputes"));

    // A programme raises one: it reaches the desk live, with its 72-hour clock.
    let first = deliver_alert(&url, &alert_body("customer_dispute", "ETH-DESK-1", &deposits[0].0)).await;
    let second = deliver_alert(&url, &alert_body("customer_dispute", "ETH-DESK-2", &deposits[1].0)).await;
    let shown = alert_until(&ava, second.id, "the new alert", |_| true).await;
    assert_eq!(shown.row.alert.status, AlertStatus::Open);
    assert!(shown.outcomes.contains(&AlertOutcome::Refunded) && !shown.outcomes.contains(&AlertOutcome::DetailsShared));
    assert!(shown.payment.is_some() && shown.crypto.is_some(), "{shown:?}");
    assert_eq!(shown.chargeback_fee_usd_cents, 25_00);

    // Offline: the answer waits in the outbox; a second answer to it is refused here.
    server.kill().await;
    wait_for(&ava, "offline", |s| s.state == SyncState::Offline).await;
    let queued =
        ava.answer_dispute_alert(first.id, AlertOutcome::Refunded, "refunded".into(), "alert-answer-1").await.unwrap();
    assert_eq!(queued.state, OutboxState::Pending);
    let again = ava.answer_dispute_alert(first.id, AlertOutcome::NotResolved, String::new(), "alert-answer-2").await;
    assert_eq!(again.unwrap_err().code, ErrorCode::InvalidInput, "an answer is sent once");
    let unfit = ava.answer_dispute_alert(second.id, AlertOutcome::DetailsShared, String::new(), "unfit").await;
    assert_eq!(unfit.unwrap_err().code, ErrorCode::InvalidInput);
    let row = ava.dispute_alert(first.id).await.unwrap().row;
    assert_eq!(row.queued.map(|i| i.id), Some("alert-answer-1".to_owned()), "shown as on its way");
    // The second alert is answered offline too, then the desk closes.
    ava.answer_dispute_alert(second.id, AlertOutcome::NotResolved, "we will represent".into(), "alert-answer-3")
        .await
        .unwrap();
    drop(ava);

    // Back up; before this desk is, a colleague answers the second alert (refunded).
    let server = RunningServer::start(
        arbiter_server::Db::connect(dir.path().join("server.db").to_str().unwrap()).await.unwrap(),
        addr,
    )
    .await
    .unwrap();
    let colleague = reqwest::Client::new()
        .post(format!("{url}/v1/dispute-alerts/{}/answer", second.id))
        .bearer_auth("demo-marcus")
        .header("Idempotency-Key", "marcus-refund")
        .json(&serde_json::json!({"outcome": "refunded"}))
        .send()
        .await
        .unwrap();
    assert_eq!(colleague.status(), 200);

    let ava = Desk::new(paths(&ava_dir), store.clone(), Arc::new(Recorder::default()));
    ava.start().await.unwrap();
    wait_for(&ava, "the outbox sent", |s| s.outbox_pending == 0 && s.state == SyncState::Online).await;
    let answered = alert_until(&ava, first.id, "the answer", |d| d.row.alert.answer.is_some()).await;
    assert_eq!(
        answered.row.alert.answer.as_ref().map(|a| (a.outcome, a.answered_by)),
        Some((AlertOutcome::Refunded, Some(1)))
    );
    assert!(answered.row.queued.is_none(), "confirmed: nothing waits");
    let answers: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'alert.answer' AND entity_kind = 'dispute_alert' AND entity_id = $1",
    )
    .bind(first.id)
    .fetch_one(&server.db().pool)
    .await
    .unwrap();
    assert_eq!(answers, 1, "sent once");
    // Final: answering again is refused from the local copy.
    let late = ava.answer_dispute_alert(first.id, AlertOutcome::NotResolved, String::new(), "late").await;
    assert_eq!(late.unwrap_err().code, ErrorCode::InvalidInput);
    // Ava's answer to the second came too late: refused with the reason, the colleague's stands.
    let refused = alert_until(&ava, second.id, "the refusal", |d| {
        d.row.queued.as_ref().is_some_and(|i| i.state == OutboxState::Rejected)
    })
    .await;
    assert!(refused.row.queued.unwrap().last_error.unwrap_or_default().contains("final"));
    assert_eq!(refused.row.alert.answer.map(|a| a.outcome), Some(AlertOutcome::Refunded));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_confirmed_fraud_alert_offers_the_hold_while_the_crypto_is_still_there() {
    use arbiter_policy::alerts::CryptoWhereabouts;

    let dir = tempfile::tempdir().unwrap();
    let server = server_with_gateway(dir.path()).await;
    let url = server.base_url();
    let deposits = card_deposits_in(&server, "fraud").await;
    let (deposit, _) = deposits
        .iter()
        .find(|(_, crypto)| !matches!(crypto, CryptoWhereabouts::Left { .. }))
        .expect("a fraud customer's card deposit whose crypto is still there");
    let haruto = online_desk(&dir.path().join("haruto"), &url, "demo-haruto", Arc::new(Recorder::default())).await;
    let alert = deliver_alert(&url, &alert_body("confirmed_fraud", "ETH-FRAUD-1", deposit)).await;
    assert_eq!(alert.queue, "fraud");
    let detail = alert_until(&haruto, alert.id, "the fraud alert", |_| true).await;
    assert!(detail.customer_cached && detail.offers_hold, "{detail:?}");
    assert_eq!(detail.hold_reason.as_deref(), Some("card_fraud"));
    haruto.hold_for_alert(alert.id, "hold-for-alert").await.unwrap();
    let held = alert_until(&haruto, alert.id, "the hold", |d| d.withdrawals_held).await;
    assert!(!held.offers_hold, "held: not offered again");
    let panel = haruto.account_panel(deposit.customer_id).await.unwrap();
    let hold = panel.controls.withdrawals_held.expect("withdrawals held");
    assert_eq!(hold.reason, "card_fraud");
    assert!(hold.note.contains("ETH-FRAUD-1"), "{}", hold.note);
}
