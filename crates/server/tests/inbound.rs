//! The channel gateway brings customers' messages and typing and internal teams' answers in;
//! only its token may, and what it brings reaches the feed and the live stream.

mod common;

use std::time::Duration;

use arbiter_contract::*;
use arbiter_server::Config;
use common::{http, key, AVA};
use serde_json::json;

const GATEWAY: &str = "test-gateway-token";

/// An active ticket on `channel` that Ava may see.
async fn ava_ticket(server: &arbiter_server::RunningServer, channel: &str) -> i64 {
    let candidates: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM tickets WHERE status IN ('open', 'pending', 'new') AND data LIKE $1 ORDER BY id",
    )
    .bind(format!("%\"channel\":\"{channel}\"%"))
    .fetch_all(&server.db().pool)
    .await
    .unwrap();
    for id in candidates {
        let seen = http().get(format!("{}/v1/tickets/{id}", server.base_url())).bearer_auth(AVA).send().await.unwrap();
        if seen.status().is_success() {
            return id;
        }
    }
    panic!("Ava sees no active {channel} ticket")
}

#[tokio::test]
async fn only_the_gateway_token_may_bring_messages_in() {
    for db in common::databases().await {
        let plain = common::server(&db, 120).await;
        let ticket = ava_ticket(&plain, "chat").await;
        let url = format!("{}/v1/inbound/tickets/{ticket}/messages", plain.base_url());
        let body = json!({ "text": "hello" });
        let sent = http().post(&url).bearer_auth(GATEWAY).json(&body).send().await.unwrap();
        assert_eq!(sent.status(), 403, "no gateway configured");

        let config = Config { gateway_token: Some(GATEWAY.into()), ..Config::default() };
        let server = common::server_with(&db, 120, &config).await;
        let url = format!("{}/v1/inbound/tickets/{ticket}/messages", server.base_url());
        let sent = http().post(&url).bearer_auth(AVA).json(&body).send().await.unwrap();
        assert_eq!(sent.status(), 403, "an agent is known, but not the gateway");
        let sent = http().post(&url).bearer_auth("wrong").json(&body).send().await.unwrap();
        assert_eq!(sent.status(), 401, "a token nobody has is not known at all");
        let sent = http().post(&url).json(&body).send().await.unwrap();
        assert_eq!(sent.status(), 401);
        let missing = format!("{}/v1/inbound/tickets/99999999/messages", server.base_url());
        let sent = http().post(&missing).bearer_auth(GATEWAY).json(&body).send().await.unwrap();
        assert_eq!(sent.status(), 404);
        let sent = http().post(&url).bearer_auth(GATEWAY).json(&json!({ "text": "  " })).send().await.unwrap();
        assert_eq!(sent.status(), 400);
    }
}

#[tokio::test]
async fn a_customer_writes_and_types_through_the_gateway() {
    for db in common::databases().await {
        let config = Config { gateway_token: Some(GATEWAY.into()), ..Config::default() };
        let server = common::server_with(&db, 120, &config).await;
        let ticket = ava_ticket(&server, "chat").await;
        let mut events = server.state.hub.subscribe(None).0;

        let typing = format!("{}/v1/inbound/tickets/{ticket}/typing", server.base_url());
        let sent = http().post(&typing).bearer_auth(GATEWAY).json(&json!({ "typing": true })).send().await.unwrap();
        assert_eq!(sent.status(), 204);
        let url = format!("{}/v1/inbound/tickets/{ticket}/messages", server.base_url());
        let sent = http()
            .post(&url)
            .bearer_auth(GATEWAY)
            .json(&json!({ "text": "Still waiting for my withdrawal 你好 👋" }))
            .send()
            .await
            .unwrap();
        assert_eq!(sent.status(), 201);
        let message: Message = sent.json().await.unwrap();
        assert_eq!(message.author_kind, AuthorKind::Customer);
        assert_eq!(message.ticket_id, ticket);
        assert!(message.html.is_none(), "chat messages carry no HTML");

        server.state.hub.caught_up().await;
        let mut seen = Vec::new();
        while let Ok(Ok(event)) = tokio::time::timeout(Duration::from_millis(200), events.recv()).await {
            seen.push((event.name.to_string(), event.json.clone()));
        }
        let names: Vec<_> = seen.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names.first(), Some(&"typing"), "{names:?}");
        assert!(seen[0].1.contains("\"typing\":true") && seen[0].1.contains("\"customer\""), "{}", seen[0].1);
        assert!(names.contains(&"message_created"), "{names:?}");

        let detail: TicketDetail = http()
            .get(format!("{}/v1/tickets/{ticket}", server.base_url()))
            .bearer_auth(AVA)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(detail.messages.last().map(|m| m.id), Some(message.id));
        assert!(
            matches!(detail.ticket.status, TicketStatus::New | TicketStatus::Open),
            "a customer's message leaves the ticket waiting on the desk: {:?}",
            detail.ticket.status
        );
    }
}

#[tokio::test]
async fn an_internal_team_answers_a_side_conversation() {
    for db in common::databases().await {
        let config = Config { gateway_token: Some(GATEWAY.into()), ..Config::default() };
        let server = common::server_with(&db, 120, &config).await;
        let ticket = ava_ticket(&server, "email").await;
        let created = http()
            .post(format!("{}/v1/tickets/{ticket}/side-conversations", server.base_url()))
            .bearer_auth(AVA)
            .header("Idempotency-Key", key())
            .json(&json!({ "team": "compliance", "subject": "Release the hold?", "body": "Documents are in." }))
            .send()
            .await
            .unwrap();
        assert_eq!(created.status(), 201);
        let side: SideConversation = created.json().await.unwrap();
        let closed = http()
            .post(format!("{}/v1/side-conversations/{}/messages", server.base_url(), side.id))
            .bearer_auth(AVA)
            .header("Idempotency-Key", key())
            .json(&json!({ "body": "Never mind, found it.", "close": true }))
            .send()
            .await
            .unwrap();
        assert_eq!(closed.status(), 201);

        let answer = http()
            .post(format!("{}/v1/inbound/side-conversations/{}/messages", server.base_url(), side.id))
            .bearer_auth(GATEWAY)
            .json(&json!({ "author_name": "Lena · Compliance", "text": "Approved, release it." }))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 201);
        let answer: SideMessage = answer.json().await.unwrap();
        assert_eq!(answer.author_agent_id, None);
        assert_eq!(answer.author_name, "Lena · Compliance");

        let detail: TicketDetail = http()
            .get(format!("{}/v1/tickets/{ticket}", server.base_url()))
            .bearer_auth(AVA)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let thread: Vec<_> = detail.side_messages.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(thread, ["Documents are in.", "Never mind, found it.", "Approved, release it."]);
        let side = &detail.side_conversations[0];
        assert_eq!(side.status, SideConversationStatus::Open, "the team's answer reopens it");
        assert_eq!(side.version, 3);

        let missing = http()
            .post(format!("{}/v1/inbound/side-conversations/999999/messages", server.base_url()))
            .bearer_auth(GATEWAY)
            .json(&json!({ "author_name": "x", "text": "y" }))
            .send()
            .await
            .unwrap();
        assert_eq!(missing.status(), 404);
    }
}
