//! The mail quarantine as supervisors see it: what the intake could not take in, with why,
//! who sent it and its subject, and the original to download, per the mailboxes feeding the
//! supervisor's teams. Through the real intake and the HTTP API.

mod common;

use arbiter_contract::QuarantinedMail;
use arbiter_server::domain::mail_intake::{receive, Intake, SupportAddress};
use arbiter_server::mailroom::MailConfig;
use arbiter_server::Config;
use common::*;
use serde_json::json;

fn mail_config() -> MailConfig {
    let imap = json!({"host": "127.0.0.1", "port": 1, "security": "plain", "username": "x", "password_env": "UNUSED"});
    serde_json::from_value(json!({"mailboxes": [
        {"address": "disputes@exchange.example", "queue": "disputes", "imap": imap},
        {"address": "fraud@exchange.example", "queue": "fraud", "imap": imap},
    ]}))
    .unwrap()
}

fn support(address: &str, queue: &str) -> SupportAddress {
    SupportAddress { address: address.into(), queue: queue.into(), language: "en".into() }
}

async fn quarantine(base: &str, token: &str, query: &str) -> (u16, serde_json::Value) {
    let response =
        http().get(format!("{base}/v1/supervisor/quarantine{query}")).bearer_auth(token).send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn supervisors_see_their_mailboxes_quarantine_and_download_the_original() {
    for database in databases().await {
        supervisors_see_their_mailboxes_quarantine_on(&database).await;
    }
}

async fn supervisors_see_their_mailboxes_quarantine_on(database: &str) {
    let config = Config { mail: Some(mail_config()), ..Config::default() };
    let server = server_with(database, 20, &config).await;
    let base = server.base_url();
    let own = vec!["disputes@exchange.example".to_string(), "fraud@exchange.example".to_string()];

    // Mail with no sender the intake could read: kept whole, with why.
    let nameless = |subject: &str| {
        format!("To: x@exchange.example\r\nSubject: {subject}\r\nMessage-ID: <{subject}@example.com>\r\n\r\nPlease call me back.\r\n")
            .into_bytes()
    };
    let disputes_raw = nameless("=?UTF-8?B?6YCA5qy+?= refund");
    let outcome = receive(&server.state, &support("disputes@exchange.example", "disputes"), &own, disputes_raw.clone())
        .await
        .unwrap();
    assert!(matches!(outcome, Intake::Quarantined { .. }), "{outcome:?}");
    let fraud_raw = nameless("stolen-card");
    receive(&server.state, &support("fraud@exchange.example", "fraud"), &own, fraud_raw).await.unwrap();

    // Marcus leads disputes: he sees that mailbox's quarantine only.
    let (status, page) = quarantine(&base, MARCUS, "").await;
    assert_eq!(status, 200, "{page}");
    let listed: Vec<QuarantinedMail> = serde_json::from_value(page).unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    let kept = &listed[0];
    assert_eq!((kept.mailbox.as_str(), kept.queue.as_deref()), ("disputes@exchange.example", Some("disputes")));
    assert_eq!(kept.reason, "no sender address could be read");
    assert_eq!((kept.from.as_deref(), kept.subject.as_deref()), (None, Some("退款 refund")));
    assert_eq!(kept.size_bytes, disputes_raw.len() as i64);

    // Olga leads fraud: she sees hers. An agent sees none of it.
    let (_, page) = quarantine(&base, OLGA, "").await;
    let theirs: Vec<QuarantinedMail> = serde_json::from_value(page).unwrap();
    assert_eq!(theirs.iter().map(|q| q.mailbox.as_str()).collect::<Vec<_>>(), vec!["fraud@exchange.example"]);
    assert_eq!(quarantine(&base, AVA, "").await.0, 403);
    assert_eq!(quarantine(&base, MARCUS, "?limit=0").await.0, 400);
    let (_, older) = quarantine(&base, MARCUS, &format!("?before={}", kept.id)).await;
    assert_eq!(older, json!([]));

    // The original, byte for byte, as a download; another team's is not found.
    let raw = |id: i64| http().get(format!("{base}/v1/supervisor/quarantine/{id}/raw")).bearer_auth(MARCUS).send();
    let response = raw(kept.id).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "message/rfc822");
    assert!(response.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    assert_eq!(response.bytes().await.unwrap().to_vec(), disputes_raw);
    assert_eq!(raw(theirs[0].id).await.unwrap().status(), 404);
}
