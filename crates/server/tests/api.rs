//! The reference server over real HTTP on loopback: authentication, idempotent replies and
//! bad input.

mod common;

use arbiter_contract::{ApiError, ChangePage, ErrorCode, Message, TicketDetail};
use arbiter_server::RunningServer;
use common::http;
use reqwest::StatusCode;

const TOKEN: &str = common::AVA;
const OTHER_TOKEN: &str = common::MARCUS;

async fn error_of(response: reqwest::Response) -> (StatusCode, ApiError) {
    let status = response.status();
    (status, response.json::<ApiError>().await.expect("errors are {code, message} JSON"))
}

async fn open_ticket_id(server: &RunningServer) -> i64 {
    let page: ChangePage = http()
        .get(format!("{}/v1/changes?limit=5000", server.base_url()))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    page.changes
        .iter()
        .find_map(|c| match &c.entity {
            arbiter_contract::Entity::Ticket(t) => Some(t.id),
            _ => None,
        })
        .unwrap()
}

#[tokio::test]
async fn requests_without_a_valid_token_get_401() {
    for db in common::databases().await {
        requests_without_a_valid_token_get_401_on(&common::server(&db, 120).await).await;
    }
}

async fn requests_without_a_valid_token_get_401_on(server: &RunningServer) {
    let url = format!("{}/v1/changes", server.base_url());
    let (status, error) = error_of(http().get(&url).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error.code, ErrorCode::Unauthorized);

    let response = http().get(&url).bearer_auth("not-a-token").send().await.unwrap();
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    assert_eq!(error_of(response).await.0, StatusCode::UNAUTHORIZED);

    let response = http().get(&url).header("Authorization", "Basic YTpi").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);

    for path in ["/v1/me", "/v1/tickets/100001"] {
        let response = http().get(format!("{}{path}", server.base_url())).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{path}");
    }
    let response = http().get(format!("{}/health", server.base_url())).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);

    let me: arbiter_contract::Agent = http()
        .get(format!("{}/v1/me", server.base_url()))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me.name, "Ava Chen");
}

#[tokio::test]
async fn a_replayed_reply_is_stored_once() {
    for db in common::databases().await {
        a_replayed_reply_is_stored_once_on(&common::server(&db, 120).await).await;
    }
}

async fn a_replayed_reply_is_stored_once_on(server: &RunningServer) {
    let ticket = open_ticket_id(server).await;
    let url = format!("{}/v1/tickets/{ticket}/replies", server.base_url());
    let key = "3b1f6f0e-5d7c-4d1e-9a57-2f0b8c1d9e01";
    let post = |body: &'static str, token: &'static str| {
        http()
            .post(&url)
            .bearer_auth(token)
            .header("Idempotency-Key", key)
            .json(&serde_json::json!({ "body": body }))
            .send()
    };

    let first = post("We have credited the deposit.", TOKEN).await.unwrap();
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Message = first.json().await.unwrap();

    // The answer was "lost": the client sends the same request again, several times at once.
    let replays = futures::future::join_all((0..5).map(|_| post("We have credited the deposit.", TOKEN))).await;
    for replay in replays {
        let replay = replay.unwrap();
        assert_eq!(replay.status(), StatusCode::CREATED);
        assert_eq!(replay.headers()["idempotent-replayed"], "true");
        assert_eq!(replay.json::<Message>().await.unwrap(), first);
    }

    let stored: Vec<String> = sqlx::query_scalar("SELECT data FROM messages WHERE ticket_id = $1")
        .bind(ticket)
        .fetch_all(&server.db().pool)
        .await
        .unwrap();
    let count = stored.iter().filter(|m| m.contains(key)).count();
    assert_eq!(count, 1, "one message stored for five replays");

    // The same key with a different body is a client bug, not a replay.
    let (status, error) = error_of(post("Something else", TOKEN).await.unwrap()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error.code, ErrorCode::IdempotencyKeyReused);

    // Keys are per agent: another agent's identical key is a new request.
    let other = post("We have credited the deposit.", OTHER_TOKEN).await.unwrap();
    assert_eq!(other.status(), StatusCode::CREATED);
    assert_ne!(other.json::<Message>().await.unwrap().id, first.id);

    let detail: TicketDetail = http()
        .get(format!("{}/v1/tickets/{ticket}", server.base_url()))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(detail.messages.iter().filter(|m| m.client_ref.as_deref() == Some(key)).count(), 2);
    assert!(detail.ticket.assignee_id.is_some(), "answering assigns an unassigned ticket");
}

#[tokio::test]
async fn bad_requests_get_json_4xx() {
    for db in common::databases().await {
        bad_requests_get_json_4xx_on(&common::server(&db, 120).await).await;
    }
}

async fn bad_requests_get_json_4xx_on(server: &RunningServer) {
    let base = server.base_url();
    let ticket = open_ticket_id(server).await;
    let replies = format!("{base}/v1/tickets/{ticket}/replies");

    let cases = [
        (http().post(&replies).bearer_auth(TOKEN).json(&serde_json::json!({"body": "x"})), StatusCode::BAD_REQUEST),
        (
            http()
                .post(&replies)
                .bearer_auth(TOKEN)
                .header("Idempotency-Key", "k1")
                .header("content-type", "application/json")
                .body("{\"body\": "),
            StatusCode::BAD_REQUEST,
        ),
        (
            http()
                .post(&replies)
                .bearer_auth(TOKEN)
                .header("Idempotency-Key", "k2")
                .json(&serde_json::json!({"body": "   "})),
            StatusCode::BAD_REQUEST,
        ),
        (
            http()
                .post(&replies)
                .bearer_auth(TOKEN)
                .header("Idempotency-Key", "k3")
                .json(&serde_json::json!({"body": "x".repeat(60_000)})),
            // A field beyond its documented length breaks the document: 400, like any such field.
            StatusCode::BAD_REQUEST,
        ),
        (
            http()
                .post(&replies)
                .bearer_auth(TOKEN)
                .header("Idempotency-Key", "k4")
                .header("content-type", "application/json")
                .body(vec![b'x'; 3 * 1024 * 1024]),
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        // Documents (evidence, reports) may be up to 20 MiB, and not beyond.
        (
            http()
                .post(format!("{base}/v1/documents?name=huge.png"))
                .bearer_auth(TOKEN)
                .header("Idempotency-Key", "k4c")
                .header("content-type", "image/png")
                .body(vec![b'x'; 21 * 1024 * 1024]),
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            http()
                .post(format!("{base}/v1/tickets/999999999/replies"))
                .bearer_auth(TOKEN)
                .header("Idempotency-Key", "k5")
                .json(&serde_json::json!({"body": "hi"})),
            StatusCode::NOT_FOUND,
        ),
        (http().get(format!("{base}/v1/tickets/abc")).bearer_auth(TOKEN), StatusCode::BAD_REQUEST),
        (http().get(format!("{base}/v1/changes?after=-1")).bearer_auth(TOKEN), StatusCode::BAD_REQUEST),
        (http().get(format!("{base}/v1/changes?limit=0")).bearer_auth(TOKEN), StatusCode::BAD_REQUEST),
        (http().get(format!("{base}/v1/changes?limit=99999")).bearer_auth(TOKEN), StatusCode::BAD_REQUEST),
        (http().get(format!("{base}/v1/changes?after=zz")).bearer_auth(TOKEN), StatusCode::BAD_REQUEST),
        (http().get(format!("{base}/v1/nowhere")).bearer_auth(TOKEN), StatusCode::NOT_FOUND),
    ];
    for (index, (request, expected)) in cases.into_iter().enumerate() {
        let response = request.send().await.unwrap();
        let (status, _) = error_of(response).await;
        assert_eq!(status, expected, "case {index}");
    }
    // A 3 MiB file (a screenshot, a statement) goes to the document store.
    let stored = http()
        .post(format!("{base}/v1/documents?name=statement.png"))
        .bearer_auth(TOKEN)
        .header("Idempotency-Key", "k4b")
        .header("content-type", "image/png")
        .body(vec![b'x'; 3 * 1024 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(stored.status(), StatusCode::CREATED);
    // Odd Unicode is stored and returned exactly.
    let text = "Zwölf Boxkämpfer 🥊 — ש\u{200f}לום — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 — e\u{301}";
    let message: Message = http()
        .post(&replies)
        .bearer_auth(TOKEN)
        .header("Idempotency-Key", "unicode")
        .json(&serde_json::json!({ "body": text }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(message.text, text);
}
