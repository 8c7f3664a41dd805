//! The mail quarantine in a supervisor's desk, against the real reference server on loopback:
//! listed with why, and saved byte for byte to a file the supervisor chose (never opened).

use std::sync::Arc;
use std::time::Duration;

use arbiter_desk::{Desk, DeskPaths, ErrorCode, MemoryStore, NoEvents, SyncState};
use arbiter_server::domain::mail_intake::{receive, SupportAddress};
use arbiter_server::generator::GeneratorOptions;
use arbiter_server::mailroom::MailConfig;
use arbiter_server::{demo_database, RunningServer};

async fn signed_in(dir: &std::path::Path, url: &str, token: &str) -> Desk {
    let paths = DeskPaths { config_dir: dir.join("config"), data_dir: dir.join("data") };
    let desk = Desk::new(paths, Arc::new(MemoryStore::default()), Arc::new(NoEvents));
    desk.start().await.unwrap();
    desk.sign_in(url, token).await.unwrap();
    for _ in 0..400 {
        if desk.sync_status().state == SyncState::Online {
            return desk;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("never online");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_supervisor_lists_the_quarantine_and_saves_an_original() {
    let dir = tempfile::tempdir().unwrap();
    let options = GeneratorOptions { seed: 3, tickets: 100, now: chrono::Utc::now() };
    let pool = demo_database(dir.path().join("server.db").to_str().unwrap(), &options).await.unwrap();
    let imap = serde_json::json!({"host": "127.0.0.1", "port": 1, "security": "plain", "username": "x", "password_env": "UNUSED"});
    let mail: MailConfig = serde_json::from_value(serde_json::json!({"mailboxes": [
        {"address": "disputes@exchange.example", "queue": "disputes", "imap": imap}
    ]}))
    .unwrap();
    let config = arbiter_server::Config { mail: Some(mail), ..Default::default() };
    let server = RunningServer::start_with(pool, "127.0.0.1:0".parse().unwrap(), &config).await.unwrap();
    let raw = b"To: disputes@exchange.example\r\nSubject: Chargeback letter\r\n\r\nSee the letter.\r\n".to_vec();
    let mailbox =
        SupportAddress { address: "disputes@exchange.example".into(), queue: "disputes".into(), language: "en".into() };
    receive(&server.state, &mailbox, &["disputes@exchange.example".into()], raw.clone()).await.unwrap();

    let marcus = signed_in(&dir.path().join("marcus"), &server.base_url(), "demo-marcus").await;
    let listed = marcus.quarantined_mail(None).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].subject.as_deref(), Some("Chargeback letter"));
    assert_eq!(listed[0].reason, "no sender address could be read");
    let saved = dir.path().join("saved.eml");
    marcus.save_quarantined_mail(listed[0].id, saved.to_str().unwrap()).await.unwrap();
    assert_eq!(std::fs::read(&saved).unwrap(), raw);

    let ava = signed_in(&dir.path().join("ava"), &server.base_url(), "demo-ava").await;
    assert_eq!(ava.quarantined_mail(None).await.unwrap_err().code, ErrorCode::Rejected);
}
