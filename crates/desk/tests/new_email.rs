//! The agent writes first: a new email conversation through the desk core, against the real
//! reference server on loopback. Written offline with a file, it waits in the outbox across a
//! restart and becomes one ticket, with its message and file, when the server is back.

use std::sync::Arc;
use std::time::Duration;

use arbiter_cache::{Action, InboxView, OutboxState};
use arbiter_contract::{Ticket, TicketStatus};
use arbiter_desk::{Desk, DeskPaths, ErrorCode, MemoryStore, NewEmail, NoEvents, SyncState, SyncStatus};
use arbiter_server::generator::GeneratorOptions;
use arbiter_server::{demo_database, RunningServer};
use base64::Engine as _;

fn paths(dir: &std::path::Path) -> DeskPaths {
    DeskPaths { config_dir: dir.join("config"), data_dir: dir.join("data") }
}

async fn wait_for(desk: &Desk, what: &str, done: impl Fn(&SyncStatus) -> bool) {
    for _ in 0..400 {
        if done(&desk.sync_status()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("sync never became {what}: {:?}", desk.sync_status());
}

fn email(customer_id: i64, from_ticket: i64, queue: &str, subject: &str) -> NewEmail {
    NewEmail {
        customer_id,
        from_ticket: Some(from_ticket),
        queue: queue.into(),
        subject: subject.into(),
        body: "Hello,\n\nPlease send us a statement showing the card payment.".into(),
        files: Vec::new(),
    }
}

async fn server_tickets_titled(server: &RunningServer, subject: &str) -> Vec<Ticket> {
    sqlx::query_scalar::<_, String>("SELECT data FROM tickets")
        .fetch_all(&server.db().pool)
        .await
        .unwrap()
        .iter()
        .map(|d| serde_json::from_str::<Ticket>(d).unwrap())
        .filter(|t| t.subject == subject)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_email_written_offline_becomes_one_ticket_with_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let options = GeneratorOptions { seed: 3, tickets: 200, now: chrono::Utc::now() };
    let pool = demo_database(dir.path().join("server.db").to_str().unwrap(), &options).await.unwrap();
    let server = RunningServer::start_with(pool, "127.0.0.1:0".parse().unwrap(), &Default::default()).await.unwrap();
    let url = server.base_url();
    let store = Arc::new(MemoryStore::default());
    let desk_dir = dir.path().join("desk");
    let desk = Desk::new(paths(&desk_dir), store.clone(), Arc::new(NoEvents));
    desk.start().await.unwrap();
    desk.sign_in(&url, "demo-ava").await.unwrap();
    wait_for(&desk, "online", |s| s.state == SyncState::Online).await;

    let mine = desk.list_tickets(InboxView::Mine, None, 50).await.unwrap();
    let from = desk.ticket(mine[0].id).await.unwrap();
    let customer = from.customer.clone().expect("the ticket's customer is cached");
    assert_eq!(desk.email_queues().await.unwrap(), vec!["disputes".to_string()]);

    // What the desk refuses before anything is queued.
    let refused = desk.start_email(email(customer.id, from.ticket.id, "fraud", "Hi"), "k-queue").await.unwrap_err();
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    assert!(refused.message.contains("disputes"), "{refused:?}");
    let blank = desk.start_email(email(customer.id, from.ticket.id, "disputes", "  "), "k-blank").await.unwrap_err();
    assert_eq!(blank.code, ErrorCode::InvalidInput);
    let nobody = desk.start_email(email(9_999_999, from.ticket.id, "disputes", "Hi"), "k-nobody").await.unwrap_err();
    assert_eq!(nobody.code, ErrorCode::NotFound);

    // The server goes away; the agent writes anyway, with a file.
    let addr = server.addr;
    server.kill().await;
    wait_for(&desk, "offline", |s| s.state == SyncState::Offline).await;
    let statement = b"%PDF-1.4\n% a statement, as the customer's bank would print it\n%%EOF\n".to_vec();
    let prepared = desk
        .prepare_file("statement.pdf", &base64::engine::general_purpose::STANDARD.encode(&statement))
        .await
        .unwrap();
    let subject = "Documents for your withdrawal";
    let mut written = email(customer.id, from.ticket.id, " Disputes ", subject);
    written.files =
        vec![arbiter_contract::OutgoingFile { sha256: prepared.sha256.clone(), name: prepared.name.clone() }];
    let queued = desk.start_email(written, "new-email-offline-1").await.unwrap();
    assert_eq!(queued.state, OutboxState::Pending);
    let waiting = desk.ticket(from.ticket.id).await.unwrap().outbox;
    assert!(
        waiting.iter().any(|i| matches!(&i.action, Action::StartEmail { subject: s, queue, .. }
            if s == subject && queue == "disputes")),
        "it waits on the ticket it was written from: {waiting:?}"
    );

    // Across a restart of the desk, and back online: one ticket, its message and its file.
    drop(desk);
    let server = RunningServer::start(
        arbiter_server::Db::connect(dir.path().join("server.db").to_str().unwrap()).await.unwrap(),
        addr,
    )
    .await
    .unwrap();
    let desk = Desk::new(paths(&desk_dir), store, Arc::new(NoEvents));
    desk.start().await.unwrap();
    wait_for(&desk, "the new email was sent", |s| s.outbox_pending == 0 && s.state == SyncState::Online).await;
    let made = server_tickets_titled(&server, subject).await;
    assert_eq!(made.len(), 1, "one ticket, however often it was tried");
    let opened = desk.ticket(made[0].id).await.expect("the new ticket is in the desk at once");
    assert_eq!((opened.ticket.status, opened.ticket.assignee_id), (TicketStatus::Pending, Some(1)));
    assert_eq!(opened.ticket.customer_id, customer.id);
    let first = opened.conversation.messages.last().expect("its first message is in the desk");
    assert!(first.text.contains("Please send us a statement"));
    assert_eq!(first.attachments.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), vec!["statement.pdf"]);
    assert_eq!(first.attachments[0].sha256, prepared.sha256);
    assert!(desk.ticket(from.ticket.id).await.unwrap().outbox.is_empty());
}
