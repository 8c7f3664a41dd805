//! Stopping the loss over real HTTP (SQLite and PostgreSQL): a fraud agent holds a planted
//! takeover's pending withdrawal at once; lifting it is four-eyes — the requester never
//! approves, a peer or another team's lead may not, the team's lead or risk may; a sanctions
//! hold is compliance's; replays are idempotent; a stale view is refused; all audited.

mod common;

use arbiter_contract::*;
use arbiter_server::RunningServer;
use common::{http, key};
use serde_json::{json, Value};

const HARUTO: &str = "demo-haruto"; // fraud agent, id 9
const DANIEL: &str = "demo-daniel"; // fraud agent, id 11
const OLGA: &str = "demo-olga"; // fraud supervisor, id 10
const MARCUS: &str = "demo-marcus"; // disputes supervisor
const TOMASZ: &str = "demo-tomasz"; // risk
const FATIMA: &str = "demo-fatima"; // compliance supervisor

async fn get(server: &RunningServer, token: &str, path: &str) -> (u16, Value) {
    let answer = http().get(format!("{}{path}", server.base_url())).bearer_auth(token).send().await.unwrap();
    (answer.status().as_u16(), answer.json().await.unwrap_or(Value::Null))
}

async fn post(
    server: &RunningServer,
    token: &str,
    path: &str,
    key: &str,
    base: Option<i64>,
    body: Value,
) -> (u16, Value) {
    let mut request = http()
        .post(format!("{}{path}", server.base_url()))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(&body);
    if let Some(base) = base {
        request = request.header("If-Match", format!("\"{base}\""));
    }
    let answer = request.send().await.unwrap();
    (answer.status().as_u16(), answer.json().await.unwrap_or(Value::Null))
}

async fn view(server: &RunningServer, token: &str, customer: i64) -> AccountView {
    let (status, body) = get(server, token, &format!("/v1/customers/{customer}/controls")).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_value(body).unwrap()
}

/// A customer the fraud team sees with a pending withdrawal (a takeover still going on).
async fn fraud_customer_with_pending(server: &RunningServer) -> (i64, AccountView) {
    let customers: Vec<i64> =
        sqlx::query_scalar("SELECT DISTINCT customer_id FROM tickets WHERE queue = 'fraud' ORDER BY customer_id")
            .fetch_all(&server.db().pool)
            .await
            .unwrap();
    for id in customers {
        let seen = view(server, HARUTO, id).await;
        if !seen.pending_withdrawals.is_empty() {
            return (id, seen);
        }
    }
    panic!("no fraud customer has a pending withdrawal");
}

fn act(action: Value, reason: &str) -> Value {
    json!({ "action": action, "reason": reason, "note": "from the risk tab" })
}

#[tokio::test]
async fn holding_is_at_once_and_lifting_is_four_eyes_by_the_matrix() {
    for db in common::databases().await {
        let server = common::server(&db, 400).await;
        let (customer, seen) = fraud_customer_with_pending(&server).await;
        let withdrawal = seen.pending_withdrawals[0].id;
        assert_eq!(seen.controls.version, 1, "nobody acted on it yet");

        // Haruto holds the withdrawal: applied at once, the withdrawal shows held.
        let hold = act(json!({"kind": "hold_withdrawal", "withdrawal_id": withdrawal}), "account_takeover");
        let k = key();
        let (status, held) =
            post(&server, HARUTO, &format!("/v1/customers/{customer}/actions"), &k, Some(1), hold.clone()).await;
        assert_eq!(status, 201, "{held}");
        assert_eq!(held["status"], "applied");
        let (again, replayed) =
            post(&server, HARUTO, &format!("/v1/customers/{customer}/actions"), &k, Some(1), hold).await;
        assert_eq!((again, &replayed), (201, &held), "a replay is the first answer, applied once");
        let now = view(&server, HARUTO, customer).await;
        assert_eq!(now.controls.version, 2);
        assert_eq!(now.controls.held_withdrawals[0].withdrawal_id, withdrawal);
        let shown = now.pending_withdrawals.iter().find(|w| w.id == withdrawal).unwrap();
        assert!(matches!(shown.detail, ActivityDetail::Withdrawal { status: TransferStatus::Held, .. }));

        // Acting on a stale view is refused; so is what the state forbids.
        let freeze = act(json!({"kind": "freeze"}), "account_takeover");
        let (status, body) =
            post(&server, HARUTO, &format!("/v1/customers/{customer}/actions"), &key(), Some(1), freeze).await;
        assert_eq!(status, 409, "{body}");
        assert_eq!(body["current"]["kind"], "account_controls", "the account as it is now: {body}");
        assert_eq!(body["current"]["data"]["version"], 2, "{body}");
        let unfreeze = act(json!({"kind": "unfreeze"}), "resolved");
        let (status, body) =
            post(&server, HARUTO, &format!("/v1/customers/{customer}/actions"), &key(), Some(2), unfreeze).await;
        assert_eq!(status, 422, "nothing to lift: {body}");
        let made_up = act(json!({"kind": "freeze"}), "because");
        let (status, _) =
            post(&server, HARUTO, &format!("/v1/customers/{customer}/actions"), &key(), Some(2), made_up).await;
        assert_eq!(status, 422, "reason codes come from the policy");

        // Freezing needs nobody; lifting the freeze waits for a lead or risk.
        let freeze = act(json!({"kind": "freeze"}), "account_takeover");
        let (status, frozen) =
            post(&server, HARUTO, &format!("/v1/customers/{customer}/actions"), &key(), Some(2), freeze).await;
        assert_eq!((status, frozen["status"].as_str()), (201, Some("applied")));
        let unfreeze = act(json!({"kind": "unfreeze"}), "resolved");
        let (status, waiting) =
            post(&server, HARUTO, &format!("/v1/customers/{customer}/actions"), &key(), Some(3), unfreeze).await;
        assert_eq!(status, 201);
        assert_eq!(waiting["status"], "awaiting_approval");
        assert_eq!(waiting["approvers"], json!(["team_supervisor", "risk"]));
        let id = waiting["id"].as_i64().unwrap();
        assert!(view(&server, HARUTO, customer).await.controls.frozen.is_some(), "still frozen while it waits");

        // The change feed carries the request to its approvers and the controls to the
        // customer's viewers (their desks keep them for offline).
        let head: i64 = sqlx::query_scalar("SELECT MAX(seq) FROM changes").fetch_one(&server.db().pool).await.unwrap();
        let feed = |token: &'static str| {
            let server = &server;
            async move {
                let (_, page) = get(server, token, &format!("/v1/changes?after={}&limit=200", head - 20)).await;
                serde_json::from_value::<ChangePage>(page).unwrap().changes
            }
        };
        let has_request =
            |changes: &[Change]| changes.iter().any(|c| matches!(&c.entity, Entity::ActionRequest(r) if r.id == id));
        assert!(has_request(&feed(TOMASZ).await), "risk hears of it");
        assert!(has_request(&feed(OLGA).await), "the lead hears of it");
        assert!(!has_request(&feed(MARCUS).await), "another team's lead does not");
        let haruto = feed(HARUTO).await;
        assert!(has_request(&haruto));
        assert!(haruto.iter().any(
            |c| matches!(&c.entity, Entity::AccountControls(k) if k.customer_id == customer && k.frozen.is_some())
        ));

        // The queue: Olga (the lead) and Tomasz (risk) have it; Haruto, Daniel, Marcus do not.
        for (token, has) in
            [(OLGA, true), (TOMASZ, true), (HARUTO, false), (DANIEL, false), (MARCUS, false), (FATIMA, false)]
        {
            let (_, queue) = get(&server, token, "/v1/approvals").await;
            let listed = queue.as_array().unwrap().iter().any(|p| p["request"]["id"] == id);
            assert_eq!(listed, has, "{token}'s approvals");
        }
        // Tomasz (risk) sees the account to judge it, though no queue of his holds it.
        assert!(view(&server, TOMASZ, customer).await.controls.frozen.is_some());
        // …and the evidence to judge it on: who, what they did, what links to them; Marcus,
        // neither seeing the customer nor asked, gets nothing.
        let (status, evidence) = get(&server, TOMASZ, &format!("/v1/customers/{customer}/evidence")).await;
        assert_eq!(status, 200, "{evidence}");
        let evidence: AccountEvidence = serde_json::from_value(evidence).unwrap();
        assert_eq!(evidence.customer.id, customer);
        assert!(evidence.activity.iter().any(|e| e.id == withdrawal), "the pending withdrawal is in the evidence");
        assert!(evidence.activity.windows(2).all(|w| (w[0].at, w[0].id) <= (w[1].at, w[1].id)), "oldest first");
        assert_eq!(evidence.links.customer_id, customer);
        let (status, _) = get(&server, MARCUS, &format!("/v1/customers/{customer}/evidence")).await;
        assert_eq!(status, 404);
        let answer = json!({ "reason": "verified the customer by video call" });
        let path = format!("/v1/action-requests/{id}/approve");
        for token in [HARUTO, DANIEL, MARCUS, FATIMA] {
            let (status, body) = post(&server, token, &path, &key(), None, answer.clone()).await;
            assert_eq!(status, 403, "{token} may not approve: {body}");
        }
        let (status, approved) = post(&server, OLGA, &path, &key(), None, answer.clone()).await;
        assert_eq!(status, 200, "{approved}");
        assert_eq!(approved["status"], "applied");
        assert_eq!(approved["approval"]["agent_id"], 10);
        assert!(view(&server, HARUTO, customer).await.controls.frozen.is_none());
        let (status, _) = post(&server, TOMASZ, &path, &key(), None, answer).await;
        assert_eq!(status, 409, "answered once");

        // Everything is in the audit log with before and after.
        let (_, audit) = get(&server, OLGA, "/v1/audit?entity_kind=customer").await;
        let changes: Vec<&Value> = audit
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["entity_id"] == customer && e["action"] == "account.controls")
            .collect();
        assert_eq!(changes.len(), 3, "hold, freeze, unfreeze");

        // Compliance's report of the period: every applied action, who asked, who approved.
        let today = chrono::Utc::now().date_naive();
        let path = format!("/v1/reports/controls?from={today}&to={today}");
        let csv = |token: &'static str| {
            let url = format!("{}{path}", server.base_url());
            async move {
                let answer = http().get(url).bearer_auth(token).send().await.unwrap();
                let status = answer.status().as_u16();
                let kind = answer.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned());
                (status, kind, answer.text().await.unwrap())
            }
        };
        let (status, kind, body) = csv(FATIMA).await;
        assert_eq!((status, kind.as_deref()), (200, Some("text/csv; charset=utf-8")));
        let lines: Vec<&str> = body.lines().filter(|l| l.contains(&format!(",{customer},"))).collect();
        assert_eq!(lines.len(), 3, "{body}");
        assert!(lines[0].contains(",hold_withdrawal,") && lines[0].contains("\"Haruto Sato\""), "{}", lines[0]);
        assert!(
            lines[2].contains(",unfreeze,") && lines[2].contains("\"Olga Petrova\"") && lines[2].contains("video call")
        );
        assert_eq!(csv(HARUTO).await.0, 403, "agents do not read it");
        let (status, _, olga) = csv(OLGA).await;
        assert_eq!(status, 200);
        assert_eq!(olga.lines().filter(|l| l.contains(&format!(",{customer},"))).count(), 3, "her member's actions");
        let (status, _, marcus) = csv(MARCUS).await;
        assert_eq!(status, 200);
        assert_eq!(marcus.lines().filter(|l| l.contains(&format!(",{customer},"))).count(), 0, "not his team's");
    }
}

#[tokio::test]
async fn a_sanctions_hold_is_lifted_by_compliance_only_and_requests_can_be_declined_or_taken_back() {
    for db in common::databases().await {
        let server = common::server(&db, 400).await;
        let (customer, _) = fraud_customer_with_pending(&server).await;
        let hold = act(json!({"kind": "hold_withdrawals"}), "sanctions_hit");
        let (status, _) =
            post(&server, HARUTO, &format!("/v1/customers/{customer}/actions"), &key(), Some(1), hold).await;
        assert_eq!(status, 201);
        let release = act(json!({"kind": "release_withdrawals"}), "resolved");
        let (_, waiting) =
            post(&server, HARUTO, &format!("/v1/customers/{customer}/actions"), &key(), Some(2), release.clone()).await;
        assert_eq!(waiting["approvers"], json!(["compliance"]));
        let id = waiting["id"].as_i64().unwrap();
        let answer = json!({ "reason": "list match cleared" });
        for token in [OLGA, TOMASZ] {
            let (status, _) =
                post(&server, token, &format!("/v1/action-requests/{id}/approve"), &key(), None, answer.clone()).await;
            assert_eq!(status, 403, "{token}: sanctions are compliance's");
        }
        let (status, declined) =
            post(&server, FATIMA, &format!("/v1/action-requests/{id}/decline"), &key(), None, answer.clone()).await;
        assert_eq!((status, declined["status"].as_str()), (200, Some("declined")));
        assert!(view(&server, HARUTO, customer).await.controls.withdrawals_held.is_some());

        // Asked again, and taken back by the requester (only).
        let (_, again) =
            post(&server, HARUTO, &format!("/v1/customers/{customer}/actions"), &key(), Some(2), release).await;
        let id = again["id"].as_i64().unwrap();
        let (status, _) =
            post(&server, DANIEL, &format!("/v1/action-requests/{id}/cancel"), &key(), None, json!({})).await;
        assert_eq!(status, 403);
        let (status, cancelled) =
            post(&server, HARUTO, &format!("/v1/action-requests/{id}/cancel"), &key(), None, json!({})).await;
        assert_eq!((status, cancelled["status"].as_str()), (200, Some("cancelled")));
        let requests = view(&server, HARUTO, customer).await.requests;
        let statuses: Vec<RequestStatus> = requests.iter().map(|r| r.status).collect();
        assert_eq!(statuses, [RequestStatus::Cancelled, RequestStatus::Declined, RequestStatus::Applied]);
    }
}

#[tokio::test]
async fn an_agent_who_does_not_see_the_customer_cannot_act_or_look() {
    let server = common::server("memory", 400).await;
    // A fraud customer Ava (disputes) has no ticket of.
    let customer: i64 = sqlx::query_scalar(
        "SELECT customer_id FROM tickets WHERE queue = 'fraud' AND customer_id NOT IN
           (SELECT customer_id FROM tickets WHERE queue = 'disputes') ORDER BY customer_id LIMIT 1",
    )
    .fetch_one(&server.db().pool)
    .await
    .unwrap();
    let (status, _) = get(&server, "demo-ava", &format!("/v1/customers/{customer}/controls")).await;
    assert_eq!(status, 404);
    let (status, _) = post(
        &server,
        "demo-ava",
        &format!("/v1/customers/{customer}/actions"),
        &key(),
        Some(1),
        act(json!({"kind": "freeze"}), "card_fraud"),
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn a_request_nobody_approves_in_time_lapses_and_never_applies() {
    for db in common::databases().await {
        let server = common::server(&db, 400).await;
        let (customer, _) = fraud_customer_with_pending(&server).await;
        let freeze = act(json!({"kind": "freeze"}), "account_takeover");
        let (status, _) =
            post(&server, HARUTO, &format!("/v1/customers/{customer}/actions"), &key(), Some(1), freeze).await;
        assert_eq!(status, 201);
        let unfreeze = act(json!({"kind": "unfreeze"}), "resolved");
        let (_, waiting) =
            post(&server, HARUTO, &format!("/v1/customers/{customer}/actions"), &key(), Some(2), unfreeze).await;
        let id = waiting["id"].as_i64().unwrap();
        let early = chrono::Utc::now() + chrono::Duration::hours(23);
        assert_eq!(arbiter_server::domain::controls::lapse_due(&server.state, early).await.unwrap(), 0);
        let late = chrono::Utc::now() + chrono::Duration::hours(25);
        assert_eq!(arbiter_server::domain::controls::lapse_due(&server.state, late).await.unwrap(), 1);
        let requests = view(&server, HARUTO, customer).await.requests;
        assert_eq!(requests[0].status, RequestStatus::Lapsed);
        let (status, _) =
            post(&server, OLGA, &format!("/v1/action-requests/{id}/approve"), &key(), None, json!({"reason": "late"}))
                .await;
        assert_eq!(status, 409, "a lapsed request cannot be approved");
        assert!(view(&server, HARUTO, customer).await.controls.frozen.is_some(), "still frozen");
    }
}
