//! The live stream over real HTTP: events reach who may see them, in order, and a desk that
//! reconnects with Last-Event-ID gets what it missed (or a reset when too much was missed).

mod common;

use std::time::Duration;

use arbiter_contract::{StreamEvent, StreamPayload};
use arbiter_server::RunningServer;
use common::{http, key, AVA, HARUTO, MARCUS};
use serde_json::json;

/// Reads server-sent events until `count` arrived or `timeout` passed.
async fn collect(
    response: &mut reqwest::Response,
    count: usize,
    timeout: Duration,
) -> Vec<(Option<String>, String, StreamEvent)> {
    let mut events = Vec::new();
    let mut buffer = String::new();
    let deadline = tokio::time::Instant::now() + timeout;
    while events.len() < count {
        let chunk = match tokio::time::timeout_at(deadline, response.chunk()).await {
            Ok(Ok(Some(chunk))) => chunk,
            _ => break,
        };
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            let (mut id, mut name, mut data) = (None, String::new(), String::new());
            for line in block.lines() {
                if let Some(v) = line.strip_prefix("id:") {
                    id = Some(v.trim().to_owned());
                } else if let Some(v) = line.strip_prefix("event:") {
                    name = v.trim().to_owned();
                } else if let Some(v) = line.strip_prefix("data:") {
                    data.push_str(v.trim_start());
                }
            }
            if !data.is_empty() {
                events.push((id, name, serde_json::from_str(&data).expect("events are JSON")));
            }
        }
    }
    events
}

async fn open(server: &RunningServer, token: &str, last: Option<&str>) -> reqwest::Response {
    let mut request = http().get(format!("{}/v1/stream", server.base_url())).bearer_auth(token);
    if let Some(last) = last {
        request = request.header("Last-Event-ID", last);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/event-stream");
    response
}

async fn reply(server: &RunningServer, token: &str, ticket: i64, text: &str) {
    let status = http()
        .post(format!("{}/v1/tickets/{ticket}/replies", server.base_url()))
        .bearer_auth(token)
        .header("Idempotency-Key", key())
        .json(&json!({ "body": text }))
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 201);
}

#[tokio::test]
async fn events_reach_who_may_see_them_and_resume_by_last_event_id() {
    for db in common::databases().await {
        let server = common::server(&db, 200).await;
        let disputes: i64 =
            sqlx::query_scalar("SELECT MIN(id) FROM tickets WHERE queue = 'disputes' AND status <> 'closed'")
                .fetch_one(&server.db().pool)
                .await
                .unwrap();
        let mut ava = open(&server, AVA, None).await;
        let mut haruto = open(&server, HARUTO, None).await;

        // Marcus (disputes lead) answers on a disputes ticket, then types.
        reply(&server, MARCUS, disputes, "We are looking into it now.").await;
        http()
            .post(format!("{}/v1/tickets/{disputes}/typing", server.base_url()))
            .bearer_auth(MARCUS)
            .json(&json!({ "typing": true }))
            .send()
            .await
            .unwrap();
        let events = collect(&mut ava, 2, Duration::from_secs(5)).await;
        assert_eq!(events.len(), 2, "{events:?}");
        assert_eq!(events[0].1, "message_created");
        match &events[0].2.payload {
            StreamPayload::MessageCreated { message, .. } => {
                assert_eq!(message.ticket_id, disputes);
                assert_eq!(message.text, "We are looking into it now.");
            }
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(events[1].1, "typing");
        let first_id = events[0].0.clone().expect("events carry ids");
        assert!(events[1].2.id > events[0].2.id, "ids increase");

        // Haruto (fraud) sees none of it.
        assert!(collect(&mut haruto, 1, Duration::from_millis(400)).await.is_empty());

        // Presence is for everyone.
        let status = http()
            .put(format!("{}/v1/me/presence", server.base_url()))
            .bearer_auth(MARCUS)
            .header("Idempotency-Key", key())
            .json(&json!({ "presence": "busy" }))
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(status, 200);
        let seen = collect(&mut haruto, 1, Duration::from_secs(5)).await;
        assert_eq!(seen.len(), 1);
        assert!(matches!(seen[0].2.payload, StreamPayload::Presence { agent_id: 2, .. }));
        drop(ava);

        // Ava reconnects having seen only the first event: she gets the rest, in order.
        let mut again = open(&server, AVA, Some(&first_id)).await;
        let replayed = collect(&mut again, 2, Duration::from_secs(5)).await;
        let names: Vec<&str> = replayed.iter().map(|e| e.1.as_str()).collect();
        assert_eq!(names, vec!["typing", "presence"]);

        // A Last-Event-ID from long ago (or another server) cannot be replayed: reset.
        let mut stale = open(&server, AVA, Some("1")).await;
        let reset = collect(&mut stale, 1, Duration::from_secs(5)).await;
        assert_eq!(reset[0].1, "reset");
        assert!(matches!(reset[0].2.payload, StreamPayload::Reset));
    }
}

#[tokio::test]
async fn the_stream_needs_a_token() {
    let server = common::server("memory", 20).await;
    let response = http().get(format!("{}/v1/stream", server.base_url())).send().await.unwrap();
    assert_eq!(response.status(), 401);
}
