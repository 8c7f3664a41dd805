//! The contract's rules for what a request may be, over real HTTP: what the OpenAPI
//! document says a request is (Schemathesis checks the same in scripts/contract.sh; these
//! pin the rules that one run might not reach).

mod common;

use arbiter_contract::{ApiError, ErrorCode, Ticket, TicketDetail};
use common::{http, key, AVA, MARCUS};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// A ticket Ava sees, as it is now.
async fn avas_ticket(base: &str) -> Ticket {
    let page: arbiter_contract::ChangePage = http()
        .get(format!("{base}/v1/changes?limit=5000"))
        .bearer_auth(AVA)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    page.changes
        .into_iter()
        .find_map(|c| match c.entity {
            arbiter_contract::Entity::Ticket(t) if t.queue == "disputes" => Some(t),
            _ => None,
        })
        .expect("Ava sees a disputes ticket")
}

async fn status_and_code(response: reqwest::Response) -> (StatusCode, Option<ErrorCode>) {
    let status = response.status();
    (status, response.json::<ApiError>().await.ok().map(|e| e.code))
}

#[tokio::test]
async fn integers_may_be_written_as_whole_floats_in_bodies_and_paths() {
    let server = common::server("memory", 60).await;
    let base = server.base_url();
    let id = avas_ticket(&base).await.id;
    let detail: TicketDetail =
        http().get(format!("{base}/v1/tickets/{id}.0")).bearer_auth(AVA).send().await.unwrap().json().await.unwrap();
    assert_eq!(detail.ticket.id, id);
    let bulk = json!({"ticket_ids": [id as f64], "update": {"priority": "high"}});
    let answer =
        http().post(format!("{base}/v1/tickets/bulk")).bearer_auth(MARCUS).header("Idempotency-Key", key()).json(&bulk);
    assert_eq!(answer.send().await.unwrap().status(), StatusCode::OK);
    // An integer beyond i64 is not one, however it is written.
    let too_big = json!({"ticket_ids": [], "update": {}}).to_string().replace("[]", "[-9223372036854775809]");
    let answer = http()
        .post(format!("{base}/v1/tickets/bulk"))
        .bearer_auth(MARCUS)
        .header("Idempotency-Key", key())
        .header("content-type", "application/json")
        .body(too_big);
    assert_eq!(
        status_and_code(answer.send().await.unwrap()).await,
        (StatusCode::BAD_REQUEST, Some(ErrorCode::BadRequest))
    );
}

#[tokio::test]
async fn versions_are_bare_or_etags_and_anything_else_is_refused() {
    let server = common::server("memory", 60).await;
    let ticket = avas_ticket(&server.base_url()).await;
    let url = format!("{}/v1/tickets/{}", server.base_url(), ticket.id);
    let (now, next) = (ticket.version, ticket.version + 1);
    let patch = |if_match: Option<&str>| {
        let request =
            http().patch(&url).bearer_auth(AVA).header("Idempotency-Key", key()).json(&json!({"priority": "low"}));
        match if_match {
            Some(v) => request.header("If-Match", v),
            None => request,
        }
    };
    let (status, code) = status_and_code(patch(None).send().await.unwrap()).await;
    assert_eq!((status, code), (StatusCode::PRECONDITION_REQUIRED, Some(ErrorCode::PreconditionRequired)));
    for bad in ["*", "0", "07", "\"1", "1.5", "W/1x"] {
        assert_eq!(patch(Some(bad)).send().await.unwrap().status(), StatusCode::BAD_REQUEST, "{bad}");
    }
    let updated: Ticket = patch(Some(&format!("W/\"{now}\""))).send().await.unwrap().json().await.unwrap();
    assert_eq!(updated.version, next);
    assert_eq!(patch(Some(&next.to_string())).send().await.unwrap().status(), StatusCode::OK);
    assert_eq!(
        patch(Some(&format!("\"{next}\""))).send().await.unwrap().status(),
        StatusCode::CONFLICT,
        "a stale base"
    );
}

#[tokio::test]
async fn bodies_must_be_json_and_fields_as_documented() {
    let server = common::server("memory", 60).await;
    let base = server.base_url();
    let ticket = avas_ticket(&base).await;
    let reply = format!("{base}/v1/tickets/{}/replies", ticket.id);
    let as_text = http().post(&reply).bearer_auth(AVA).header("Idempotency-Key", key()).body("{\"body\": \"hi\"}");
    assert_eq!(
        status_and_code(as_text.send().await.unwrap()).await,
        (StatusCode::UNSUPPORTED_MEDIA_TYPE, Some(ErrorCode::UnsupportedMediaType))
    );
    let trailing = http()
        .post(&reply)
        .bearer_auth(AVA)
        .header("Idempotency-Key", key())
        .header("content-type", "application/json")
        .body("{\"body\": \"hi\"} x");
    assert_eq!(trailing.send().await.unwrap().status(), StatusCode::BAD_REQUEST);
    // Blank means what trim removes, including the odd spaces.
    let blank = http()
        .post(&reply)
        .bearer_auth(AVA)
        .header("Idempotency-Key", key())
        .json(&json!({"body": "\u{3000}\u{85}\t"}));
    assert_eq!(blank.send().await.unwrap().status(), StatusCode::BAD_REQUEST);
    // A request's own rules are checked before any ticket is tried.
    let long_tag = json!({"ticket_ids": [999999], "update": {"tags": ["x".repeat(41)]}});
    let bulk = http()
        .post(format!("{base}/v1/tickets/bulk"))
        .bearer_auth(MARCUS)
        .header("Idempotency-Key", key())
        .json(&long_tag);
    assert_eq!(bulk.send().await.unwrap().status(), StatusCode::BAD_REQUEST);
    // Unknown query parameters and out-of-range page sizes are refused, not ignored.
    for query in ["after=0&colour=blue", "limit=0", "limit=5001"] {
        let page = http().get(format!("{base}/v1/changes?{query}")).bearer_auth(AVA).send().await.unwrap();
        assert_eq!(page.status(), StatusCode::BAD_REQUEST, "{query}");
    }
    let handovers = http().get(format!("{base}/v1/handovers?limit=101")).bearer_auth(MARCUS).send().await.unwrap();
    assert_eq!(handovers.status(), StatusCode::BAD_REQUEST);
    // A rule of the domain (the queue must exist) is 422, not 400.
    let queue = http()
        .patch(format!("{base}/v1/tickets/{}", ticket.id))
        .bearer_auth(AVA)
        .header("Idempotency-Key", key())
        .header("If-Match", ticket.version.to_string())
        .json(&json!({"queue": "nowhere"}));
    assert_eq!(
        status_and_code(queue.send().await.unwrap()).await,
        (StatusCode::UNPROCESSABLE_ENTITY, Some(ErrorCode::Unprocessable))
    );
}

#[tokio::test]
async fn the_document_says_what_every_operation_can_answer() {
    let server = common::server("memory", 20).await;
    let doc: Value =
        http().get(format!("{}/openapi.json", server.base_url())).send().await.unwrap().json().await.unwrap();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let answers = op["responses"].as_object().unwrap();
            for status in ["429", "500"] {
                assert!(answers.contains_key(status), "{method} {path} documents {status}");
            }
            // Everything but the open doors (the widget's settings and starting a chat, hosted
            // desk releases) needs a token.
            let open_door = path.starts_with("/widget/") || path.starts_with("/v1/updates/");
            if op.get("security").is_some() || !open_door {
                assert!(answers.contains_key("401"), "{method} {path} documents 401");
            }
            let params = op["parameters"].as_array().cloned().unwrap_or_default();
            if params.iter().any(|p| p["name"] == "Idempotency-Key") {
                assert!(answers.contains_key("422"), "{method} {path}: a reused key");
                let key = params.iter().find(|p| p["name"] == "Idempotency-Key").unwrap();
                assert_eq!(key["schema"]["pattern"], "^[!-~]{1,255}$");
            }
            if params.iter().any(|p| p["name"] == "If-Match") {
                assert!(answers.contains_key("428") && answers.contains_key("409"), "{method} {path}");
            }
            assert!(params.iter().all(|p| p["in"] != "path" || answers.contains_key("400")), "{method} {path}");
        }
    }
    let reply = &doc["components"]["schemas"]["PostReply"]["properties"]["body"];
    assert_eq!((reply["minLength"].as_u64(), reply["maxLength"].as_u64()), (Some(1), Some(50_000)));
    let limit = doc["paths"]["/v1/changes"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "limit")
        .cloned()
        .unwrap();
    assert_eq!((limit["in"].as_str(), limit["required"].as_bool()), (Some("query"), Some(false)));
    assert_eq!(limit["schema"], json!({"type": "integer", "format": "int32", "minimum": 1, "maximum": 5000}));
}

/// JSON Schema's integers include integral floats: a query parameter written `10.0` is the
/// integer 10, as in bodies and paths; a real fraction is still refused.
#[tokio::test]
async fn query_integers_may_be_written_as_integral_floats() {
    let server = common::server("memory", 20).await;
    let base = server.base_url();
    let page = http().get(format!("{base}/v1/changes?after=0.0&limit=1e1")).bearer_auth(AVA).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let fraction = http().get(format!("{base}/v1/changes?after=0.5")).bearer_auth(AVA).send().await.unwrap();
    assert_eq!(fraction.status(), StatusCode::BAD_REQUEST);
}
