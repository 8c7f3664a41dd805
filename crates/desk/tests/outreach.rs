//! The desk reaching outside, through the desk core against the real reference server on
//! loopback: a new email conversation (written offline with a file, it waits in the outbox
//! across a restart and becomes one ticket with its message and file), and a message
//! forwarded by email with its files, which open from the side conversation like any other.

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forward_and_a_note_carry_files_that_open_from_the_ticket() {
    let dir = tempfile::tempdir().unwrap();
    let options = GeneratorOptions { seed: 3, tickets: 200, now: chrono::Utc::now() };
    let pool = demo_database(dir.path().join("server.db").to_str().unwrap(), &options).await.unwrap();
    let server = RunningServer::start_with(pool, "127.0.0.1:0".parse().unwrap(), &Default::default()).await.unwrap();
    let desk = Desk::new(paths(&dir.path().join("desk")), Arc::new(MemoryStore::default()), Arc::new(NoEvents));
    desk.start().await.unwrap();
    desk.sign_in(&server.base_url(), "demo-ava").await.unwrap();
    wait_for(&desk, "online", |s| s.state == SyncState::Online).await;

    // One of Ava's tickets with a customer's file.
    let mut with_file = None;
    for item in desk.list_tickets(InboxView::All, None, 200).await.unwrap() {
        let view = desk.ticket(item.id).await.unwrap();
        if let Some(m) = view.conversation.messages.iter().find(|m| !m.attachments.is_empty()) {
            with_file = Some((item.id, m.clone()));
            break;
        }
    }
    let (ticket_id, message) = with_file.expect("the demo data has messages with files");
    let file = message.attachments[0].clone();

    // Refused before anything is queued: not one address, a message not of this ticket.
    for to in ["bank", "a@bank.example, b@bank.example", "Bank <a@bank.example>"] {
        let refused = desk.forward_message(ticket_id, message.id, to, "", "fwd-bad").await.unwrap_err();
        assert_eq!(refused.code, ErrorCode::InvalidInput, "{to}");
    }
    let elsewhere = desk.forward_message(ticket_id, 9_999_999, "a@bank.example", "", "fwd-none").await.unwrap_err();
    assert_eq!(elsewhere.code, ErrorCode::NotFound);

    let queued = desk
        .forward_message(ticket_id, message.id, " Disputes@Bank.Example ", "Please confirm the payment.", "fwd-1")
        .await
        .unwrap();
    assert!(matches!(&queued.action, Action::Forward { to, .. } if to == "disputes@bank.example"));
    wait_for(&desk, "the forward was sent", |s| s.outbox_pending == 0).await;
    let view = desk.ticket(ticket_id).await.unwrap();
    let thread = view
        .side_conversations
        .iter()
        .find(|t| t.conversation.email_to.as_deref() == Some("disputes@bank.example"))
        .expect("the forward is a side conversation by email");
    let sent = &thread.messages[0];
    assert!(sent.text.starts_with("Please confirm the payment.") && sent.text.contains(&message.text));
    assert_eq!(sent.attachments, message.attachments);
    // Its file opens from the side message (the desk fetches it from the server's store).
    desk.open_attachment(ticket_id, sent.id, &file.sha256).await.expect("the forward's file opens");

    // A note with a file: once sent, the file opens from the note.
    let bytes = b"Bank confirmation, received by phone at 14:05.".to_vec();
    let prepared =
        desk.prepare_file("phone-note.txt", &base64::engine::general_purpose::STANDARD.encode(&bytes)).await.unwrap();
    let files = vec![arbiter_contract::OutgoingFile { sha256: prepared.sha256.clone(), name: prepared.name.clone() }];
    desk.add_note(ticket_id, "Called the bank.", files, "note-with-file").await.unwrap();
    wait_for(&desk, "the note was sent", |s| s.outbox_pending == 0).await;
    let view = desk.ticket(ticket_id).await.unwrap();
    let note = view.conversation.notes.iter().find(|n| n.text == "Called the bank.").expect("the note is in the desk");
    assert_eq!(note.attachments.len(), 1);
    let opened = desk.open_attachment(ticket_id, note.id, &prepared.sha256).await.unwrap();
    assert!(matches!(opened.content, arbiter_desk::AttachmentContent::Text { ref text, .. } if text.contains("14:05")));
    // A file of no message, note or side message of this ticket is not opened.
    let unknown = desk.open_attachment(ticket_id, note.id, &"0".repeat(64)).await.unwrap_err();
    assert_eq!(unknown.code, ErrorCode::NotFound);
}
