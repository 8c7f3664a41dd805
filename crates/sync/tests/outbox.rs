//! The outbox against the real server: in order, once, conflicts kept for the agent,
//! refusals kept with their reason, offline actions sent when the server is back.

use arbiter_cache::{Action, Cache, InboxView, OutboxState};
use arbiter_client::{ApiClient, ApiToken};
use arbiter_contract::{Entity, TicketStatus, TicketUpdate};
use arbiter_server::generator::GeneratorOptions;
use arbiter_server::{demo_database, RunningServer};
use arbiter_sync::SyncEngine;

async fn setup(dir: &std::path::Path) -> (RunningServer, Cache) {
    let options = GeneratorOptions { seed: 4, tickets: 200, now: chrono::Utc::now() };
    let db = demo_database(dir.join("server.db").to_str().unwrap(), &options).await.unwrap();
    let server = RunningServer::start(db, "127.0.0.1:0".parse().unwrap()).await.unwrap();
    let cache = Cache::open(&dir.join("cache.sqlite")).await.unwrap();
    (server, cache)
}

fn engine(url: &str, token: &str, cache: &Cache) -> SyncEngine {
    SyncEngine::new(ApiClient::new(url, ApiToken::new(token)).unwrap(), cache.clone())
}

fn update(status: TicketStatus) -> TicketUpdate {
    TicketUpdate { status: Some(status), ..TicketUpdate::default() }
}

#[tokio::test]
async fn actions_go_in_order_once_and_the_agent_does_not_conflict_with_themselves() {
    let dir = tempfile::tempdir().unwrap();
    let (server, cache) = setup(dir.path()).await;
    let sync = engine(&server.base_url(), "demo-ava", &cache);
    sync.sync(|_, _| {}).await.unwrap();
    let ticket = cache.list_tickets(InboxView::Open, 1, None, 1).await.unwrap()[0].id;
    let version = cache.ticket_view(ticket).await.unwrap().unwrap().ticket.version;

    // Made offline, on the version the agent saw: a reply, a note, then two updates.
    cache.enqueue("a1", &Action::Reply { ticket_id: ticket, body: "First".into(), files: vec![] }).await.unwrap();
    cache
        .enqueue("a2", &Action::Note { ticket_id: ticket, body: "Checked the logs".into(), files: vec![] })
        .await
        .unwrap();
    cache
        .enqueue(
            "a3",
            &Action::UpdateTicket { ticket_id: ticket, base_version: version, update: update(TicketStatus::Pending) },
        )
        .await
        .unwrap();
    cache
        .enqueue(
            "a4",
            &Action::UpdateTicket { ticket_id: ticket, base_version: version, update: update(TicketStatus::OnHold) },
        )
        .await
        .unwrap();
    cache.enqueue("a1", &Action::Reply { ticket_id: ticket, body: "First".into(), files: vec![] }).await.unwrap();
    assert_eq!(cache.outbox_to_send().await.unwrap().len(), 4, "the same id is queued once");
    let view = cache.ticket_view(ticket).await.unwrap().unwrap();
    assert_eq!(view.ticket.status, TicketStatus::OnHold, "pending updates show at once");
    assert_eq!(view.outbox.len(), 4);

    let report = sync.push().await.unwrap();
    assert_eq!((report.done, report.conflicts, report.rejected), (4, 0, 0), "{report:?}");
    let detail = ApiClient::new(&server.base_url(), ApiToken::new("demo-ava")).unwrap().ticket(ticket).await.unwrap();
    assert_eq!(detail.ticket.status, TicketStatus::OnHold);
    assert_eq!(detail.messages.iter().filter(|m| m.text == "First").count(), 1);
    assert_eq!(detail.notes.iter().filter(|n| n.text == "Checked the logs").count(), 1);
    // A reply is before the status changes in the audit order: the server saw them in order.
    let reply_at = detail.messages.iter().find(|m| m.text == "First").unwrap().created_at;
    assert!(reply_at <= detail.ticket.updated_at);
    // Pushing again sends nothing.
    assert_eq!(sync.push().await.unwrap().done, 0);
    assert!(cache.outbox_open().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_conflict_waits_for_the_agent_and_a_refusal_keeps_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (server, cache) = setup(dir.path()).await;
    let sync = engine(&server.base_url(), "demo-ava", &cache);
    sync.sync(|_, _| {}).await.unwrap();
    let ticket = cache.list_tickets(InboxView::Open, 1, None, 1).await.unwrap()[0].id;
    let version = cache.ticket_view(ticket).await.unwrap().unwrap().ticket.version;

    // Someone else changes the ticket first.
    ApiClient::new(&server.base_url(), ApiToken::new("demo-marcus"))
        .unwrap()
        .update_ticket(
            ticket,
            version,
            &TicketUpdate { priority: Some(arbiter_contract::Priority::Urgent), ..Default::default() },
            "marcus-1",
        )
        .await
        .unwrap();
    cache
        .enqueue(
            "mine",
            &Action::UpdateTicket { ticket_id: ticket, base_version: version, update: update(TicketStatus::Solved) },
        )
        .await
        .unwrap();
    let report = sync.push().await.unwrap();
    assert_eq!((report.done, report.conflicts, report.rejected), (0, 1, 0), "{report:?}");
    // A change the server refuses outright, made on the current version.
    let current = cache.ticket_view(ticket).await.unwrap().unwrap().ticket.version;
    cache
        .enqueue(
            "bad",
            &Action::UpdateTicket {
                ticket_id: ticket,
                base_version: current,
                update: TicketUpdate { queue: Some("nowhere".into()), ..Default::default() },
            },
        )
        .await
        .unwrap();
    let report = sync.push().await.unwrap();
    assert_eq!((report.done, report.conflicts, report.rejected), (0, 0, 1), "{report:?}");

    let conflict = cache.outbox_item("mine").await.unwrap().unwrap();
    assert_eq!(conflict.state, OutboxState::Conflict);
    let Some(Entity::Ticket(theirs)) = &conflict.conflict else { panic!("the server's version is kept: {conflict:?}") };
    assert_eq!(theirs.priority, arbiter_contract::Priority::Urgent);
    // The cache shows the server's truth, not the unresolved change.
    let view = cache.ticket_view(ticket).await.unwrap().unwrap();
    assert_eq!(view.ticket.priority, arbiter_contract::Priority::Urgent);
    assert_ne!(view.ticket.status, TicketStatus::Solved);
    let rejected = cache.outbox_item("bad").await.unwrap().unwrap();
    assert_eq!(rejected.state, OutboxState::Rejected);
    assert!(rejected.last_error.unwrap().contains("nowhere"));
    assert_eq!(cache.outbox_open().await.unwrap().len(), 2, "nothing dropped silently");
    assert_eq!(sync.push().await.unwrap().done, 0, "refused actions are not resent by themselves");

    // Keep mine: sent again on the current version, and it wins.
    cache.keep_mine("mine", "mine-2").await.unwrap();
    let report = sync.push().await.unwrap();
    assert_eq!(report.done, 1, "{report:?}");
    let detail = ApiClient::new(&server.base_url(), ApiToken::new("demo-ava")).unwrap().ticket(ticket).await.unwrap();
    assert_eq!(detail.ticket.status, TicketStatus::Solved);
    assert_eq!(detail.ticket.priority, arbiter_contract::Priority::Urgent, "their change stays too");
    cache.discard("bad").await.unwrap();
    assert!(cache.outbox_open().await.unwrap().is_empty());
}

#[tokio::test]
async fn actions_made_offline_survive_a_restart_and_go_out_once() {
    let dir = tempfile::tempdir().unwrap();
    let (server, cache) = setup(dir.path()).await;
    let url = server.base_url();
    let addr = server.addr;
    engine(&url, "demo-ava", &cache).sync(|_, _| {}).await.unwrap();
    let ticket = cache.list_tickets(InboxView::Open, 1, None, 1).await.unwrap()[0].id;
    server.kill().await;

    cache
        .enqueue("offline-1", &Action::Reply { ticket_id: ticket, body: "Typed on the train".into(), files: vec![] })
        .await
        .unwrap();
    let error = engine(&url, "demo-ava", &cache).push().await.unwrap_err();
    assert!(error.is_transient());
    assert_eq!(cache.outbox_item("offline-1").await.unwrap().unwrap().state, OutboxState::Pending);
    cache.close().await;

    let db = arbiter_server::Db::connect(dir.path().join("server.db").to_str().unwrap()).await.unwrap();
    let server = RunningServer::start(db, addr).await.unwrap();
    let cache = Cache::open(&dir.path().join("cache.sqlite")).await.unwrap();
    let sync = engine(&url, "demo-ava", &cache);
    assert_eq!(sync.push().await.unwrap().done, 1);
    let detail = ApiClient::new(&url, ApiToken::new("demo-ava")).unwrap().ticket(ticket).await.unwrap();
    assert_eq!(detail.messages.iter().filter(|m| m.text == "Typed on the train").count(), 1);
    drop(server);
}
