//! Rate limiting per token, and the OpenAPI document agreeing with the routes.

mod common;

use arbiter_server::rate_limit::RateLimit;
use arbiter_server::Config;
use common::{http, AVA, MARCUS};
use serde_json::Value;

#[tokio::test]
async fn each_token_is_limited_on_its_own_with_retry_after() {
    let config = Config { rate_limit: RateLimit { per_second: 1.0, burst: 3.0 }, ..Config::default() };
    let server = common::server_with("memory", 20, &config).await;
    let me = |token: &'static str| http().get(format!("{}/v1/me", server.base_url())).bearer_auth(token).send();
    for _ in 0..3 {
        assert_eq!(me(AVA).await.unwrap().status(), 200);
    }
    let limited = me(AVA).await.unwrap();
    assert_eq!(limited.status(), 429);
    assert_eq!(limited.headers()["retry-after"], "1");
    let body: Value = limited.json().await.unwrap();
    assert_eq!(body["code"], "rate_limited");
    assert_eq!(me(MARCUS).await.unwrap().status(), 200, "another token has its own budget");
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    assert_eq!(me(AVA).await.unwrap().status(), 200, "the bucket refills");
}

/// Every operation in /openapi.json answers on the router (never "no such route" or "method
/// not allowed"), and the document lists every route the API has.
#[tokio::test]
async fn the_openapi_document_and_the_routes_agree() {
    let server = common::server("memory", 50).await;
    let doc: Value =
        http().get(format!("{}/openapi.json", server.base_url())).send().await.unwrap().json().await.unwrap();
    assert_eq!(doc["openapi"].as_str().map(|v| v.starts_with("3.")), Some(true));
    let paths = doc["paths"].as_object().expect("paths");
    let mut operations = Vec::new();
    for (path, item) in paths {
        for method in ["get", "post", "put", "patch", "delete"] {
            if item.get(method).is_some() {
                operations.push((method.to_uppercase(), path.clone()));
            }
        }
    }
    // The API's route list (http/mod.rs) — kept here so adding a route without documenting it,
    // or documenting one that does not exist, fails.
    let mut expected = vec![
        ("GET", "/v1/me"),
        ("PUT", "/v1/me/presence"),
        ("GET", "/v1/changes"),
        ("GET", "/v1/stream"),
        ("POST", "/v1/tickets"),
        ("GET", "/v1/tickets/{id}"),
        ("PATCH", "/v1/tickets/{id}"),
        ("POST", "/v1/tickets/bulk"),
        ("POST", "/v1/tickets/{id}/replies"),
        ("POST", "/v1/tickets/{id}/notes"),
        ("POST", "/v1/tickets/{id}/side-conversations"),
        ("POST", "/v1/side-conversations/{id}/messages"),
        ("POST", "/v1/tickets/{id}/forwards"),
        ("POST", "/v1/tickets/{id}/typing"),
        ("GET", "/v1/customers/{id}/links"),
        ("POST", "/v1/tickets/{id}/escalations"),
        ("POST", "/v1/escalations/{id}/acknowledge"),
        ("POST", "/v1/cases"),
        ("GET", "/v1/cases/{id}"),
        ("PATCH", "/v1/cases/{id}"),
        ("POST", "/v1/cases/{id}/evidence"),
        ("GET", "/v1/cases/{id}/events"),
        ("POST", "/v1/sars"),
        ("PATCH", "/v1/sars/{id}"),
        ("POST", "/v1/sars/{id}/submit"),
        ("POST", "/v1/sars/{id}/acknowledge"),
        ("POST", "/v1/documents"),
        ("GET", "/v1/documents/{id}"),
        ("GET", "/v1/documents/{id}/content"),
        ("GET", "/v1/attachments/{sha256}"),
        ("POST", "/v1/attachments"),
        ("GET", "/v1/policies"),
        ("PUT", "/v1/policies"),
        ("GET", "/v1/supervisor/overview"),
        ("GET", "/v1/reports/service"),
        ("GET", "/v1/customers/{id}/controls"),
        ("GET", "/v1/customers/{id}/evidence"),
        ("POST", "/v1/customers/{id}/actions"),
        ("POST", "/v1/action-requests/{id}/approve"),
        ("POST", "/v1/action-requests/{id}/decline"),
        ("POST", "/v1/action-requests/{id}/cancel"),
        ("GET", "/v1/approvals"),
        ("GET", "/v1/reports/controls"),
        ("GET", "/v1/address-screenings"),
        ("GET", "/v1/audit"),
        ("GET", "/v1/supervisor/quarantine"),
        ("GET", "/v1/supervisor/quarantine/{id}/raw"),
        ("GET", "/v1/handovers"),
        ("POST", "/v1/handovers"),
        ("POST", "/v1/handovers/{id}/acknowledge"),
        ("POST", "/v1/inbound/tickets/{id}/messages"),
        ("POST", "/v1/inbound/tickets/{id}/typing"),
        ("POST", "/v1/inbound/side-conversations/{id}/messages"),
        ("POST", "/v1/inbound/dispute-alerts"),
        ("GET", "/v1/inbound/dispute-alerts/answers"),
        ("GET", "/v1/dispute-alerts"),
        ("GET", "/v1/dispute-alerts/{id}"),
        ("POST", "/v1/dispute-alerts/{id}/answer"),
        ("GET", "/v1/me/offers"),
        ("POST", "/v1/offers/{id}/accept"),
        ("POST", "/v1/offers/{id}/decline"),
        ("POST", "/v1/tickets/{id}/seen"),
        ("GET", "/widget/v1/settings"),
        ("POST", "/widget/v1/chats"),
        ("POST", "/widget/v1/messages"),
        ("GET", "/widget/v1/chat"),
        ("GET", "/widget/v1/chat/events"),
        ("POST", "/widget/v1/chat/messages"),
        ("POST", "/widget/v1/chat/files"),
        ("GET", "/widget/v1/chat/files/{sha256}"),
        ("POST", "/widget/v1/chat/typing"),
        ("POST", "/widget/v1/chat/end"),
        ("POST", "/widget/v1/chat/rating"),
        ("POST", "/widget/v1/chat/transcript"),
        ("GET", "/v1/updates/{channel}/latest.json"),
        ("GET", "/v1/updates/{channel}/{version}/{file}"),
    ];
    expected.sort();
    let mut documented: Vec<(&str, &str)> = operations.iter().map(|(m, p)| (m.as_str(), p.as_str())).collect();
    documented.sort();
    assert_eq!(documented, expected, "/openapi.json and the route list differ");

    for (method, path) in &operations {
        let url = format!("{}{}", server.base_url(), path.replace("{id}", "1"));
        let request = http().request(method.parse().unwrap(), url).bearer_auth(MARCUS);
        let streams = path == "/v1/stream" || path == "/widget/v1/chat/events";
        let request = if streams { request.timeout(std::time::Duration::from_millis(500)) } else { request };
        let Ok(response) = request.send().await else { continue };
        let status = response.status().as_u16();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        assert_ne!(status, 405, "{method} {path} is documented but the router does not take it");
        assert!(!(status == 404 && body["message"] == "no such route"), "{method} {path} is documented but not routed");
    }
    // Every documented operation names its security and an error shape.
    for (method, path) in &operations {
        let op = &paths[path][method.to_lowercase()];
        // The widget's open doors (its settings, starting a chat, leaving a message) are for
        // anyone on an allowed site, hosted desk releases for any desk's updater; every other
        // operation names its token.
        let open_door = ["/widget/v1/settings", "/widget/v1/chats", "/widget/v1/messages"].contains(&path.as_str())
            || path.starts_with("/v1/updates/");
        assert_eq!(op.get("security").is_some(), !open_door, "{method} {path}: security");
        assert!(op["responses"].as_object().unwrap().len() >= 2, "{method} {path} documents its errors");
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in ["Ticket", "ChangePage", "Entity", "ApiError", "Case", "Escalation", "PolicySet", "StreamEvent"] {
        assert!(schemas.contains_key(name), "schema {name} is documented");
    }
}
