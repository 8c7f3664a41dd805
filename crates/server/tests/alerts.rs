//! Pre-dispute alerts over real HTTP (SQLite and PostgreSQL): the gateway delivers an alert,
//! it is matched to its card payment and queued for the team with its programme's clock; a
//! repeated delivery changes nothing; the answer fits the kind, comes in time and is final
//! (replayed by its key, refused a second time); small disputes are refunded by the policy
//! while the crypto stays; the sweep expires what nobody answered.

#![allow(clippy::inconsistent_digit_grouping)] // cents read as dollars_cents

mod common;

use arbiter_contract::*;
use arbiter_policy::alerts::{whereabouts, CryptoWhereabouts};
use arbiter_server::{Config, RunningServer};
use chrono::{Duration, Utc};
use common::{http, key, AVA, HARUTO};
use serde_json::{json, Value};

const GATEWAY: &str = "test-gateway-token";

async fn server(db: &str) -> RunningServer {
    let config = Config { gateway_token: Some(GATEWAY.into()), ..Config::default() };
    common::server_with(db, 300, &config).await
}

async fn deliver(server: &RunningServer, token: &str, body: &Value) -> (u16, Value) {
    let answer = http()
        .post(format!("{}/v1/inbound/dispute-alerts", server.base_url()))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap();
    (answer.status().as_u16(), answer.json().await.unwrap_or(Value::Null))
}

async fn get(server: &RunningServer, token: &str, path: &str) -> (u16, Value) {
    let answer = http().get(format!("{}{path}", server.base_url())).bearer_auth(token).send().await.unwrap();
    (answer.status().as_u16(), answer.json().await.unwrap_or(Value::Null))
}

async fn answer(server: &RunningServer, token: &str, id: i64, key: &str, body: Value) -> (u16, Value) {
    let answer = http()
        .post(format!("{}/v1/dispute-alerts/{id}/answer", server.base_url()))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(&body)
        .send()
        .await
        .unwrap();
    (answer.status().as_u16(), answer.json().await.unwrap_or(Value::Null))
}

/// Card deposits of customers with tickets in `queue`, with the customer's activity.
async fn card_deposits(server: &RunningServer, queue: &str) -> Vec<(ActivityEvent, Vec<ActivityEvent>)> {
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT e.data FROM card_payments p JOIN activity_events e ON e.id = p.event_id
         WHERE p.customer_id IN (SELECT customer_id FROM tickets WHERE queue = $1) ORDER BY p.event_id",
    )
    .bind(queue)
    .fetch_all(&server.db().pool)
    .await
    .unwrap();
    let mut out = Vec::new();
    for data in rows {
        let event: ActivityEvent = serde_json::from_str(&data).unwrap();
        let activity: Vec<String> = sqlx::query_scalar("SELECT data FROM activity_events WHERE customer_id = $1")
            .bind(event.customer_id)
            .fetch_all(&server.db().pool)
            .await
            .unwrap();
        let activity = activity.iter().map(|d| serde_json::from_str(d).unwrap()).collect();
        out.push((event, activity));
    }
    out
}

fn incoming(kind: &str, id: &str, deposit: &ActivityEvent, amount_minor: i64, with_arn: bool) -> Value {
    let ActivityDetail::Deposit { card_last4: Some(last4), card_payment, .. } = &deposit.detail else {
        panic!("a card deposit")
    };
    json!({
        "kind": kind,
        "external_id": id,
        "network": "visa",
        "card_last4": last4,
        "arn": if with_arn { card_payment.as_ref().map(|p| p.arn.clone()) } else { None },
        "amount_minor": amount_minor,
        "currency": "USD",
        "transaction_at": deposit.at,
        "issuer_reason": "Cardholder does not recognise the transaction",
        "raised_at": Utc::now(),
    })
}

#[tokio::test]
async fn an_alert_is_matched_queued_and_answered_once() {
    for db in common::databases().await {
        let server = server(&db).await;
        let deposits = card_deposits(&server, "disputes").await;
        let (deposit, _) = deposits
            .iter()
            .find(|(d, _)| matches!(d.detail, ActivityDetail::Deposit { usd_cents, .. } if usd_cents >= 100_00))
            .expect("a card deposit of a disputes customer");
        let ActivityDetail::Deposit { usd_cents, .. } = deposit.detail else { unreachable!() };

        // Matched by card and time (no ARN given), at the deposit's own amount: above the auto-refund.
        let body = incoming("customer_dispute", "ETH-0000000001", deposit, usd_cents, false);
        let (status, made) = deliver(&server, GATEWAY, &body).await;
        assert_eq!(status, 201, "{made}");
        let alert: DisputeAlert = serde_json::from_value(made).unwrap();
        assert_eq!((alert.customer_id, alert.payment_event_id), (Some(deposit.customer_id), Some(deposit.id)));
        assert_eq!(
            (alert.queue.as_str(), alert.status, alert.programme),
            ("disputes", AlertStatus::Open, AlertProgramme::Ethoca)
        );
        assert_eq!(alert.respond_by - alert.received_at, Duration::hours(72), "Ethoca disputes: 72 hours");
        assert!(alert.received_at > Utc::now() - Duration::minutes(1));

        // The programme delivers it again: the same alert, nothing new.
        let (status, again) = deliver(&server, GATEWAY, &body).await;
        assert_eq!((status, again["id"].as_i64()), (200, Some(alert.id)));
        // Only the gateway delivers.
        assert_eq!(deliver(&server, AVA, &body).await.0, 403);

        // The disputes team sees it in its list; the fraud team's list does not hold it.
        let (status, list) = get(&server, AVA, "/v1/dispute-alerts?status=open").await;
        assert_eq!(status, 200);
        assert!(list.as_array().unwrap().iter().any(|a| a["id"].as_i64() == Some(alert.id)));
        let (_, theirs) = get(&server, HARUTO, "/v1/dispute-alerts").await;
        assert!(!theirs.as_array().unwrap().iter().any(|a| a["id"].as_i64() == Some(alert.id)));

        // An answer must fit the kind.
        let (status, unfit) = answer(&server, AVA, alert.id, &key(), json!({ "outcome": "details_shared" })).await;
        assert_eq!(status, 422, "{unfit}");
        // Refunded: the payment's amount goes back; replaying the same send answers the same.
        let first = key();
        let (status, done) =
            answer(&server, AVA, alert.id, &first, json!({ "outcome": "refunded", "note": "refunded in full" })).await;
        assert_eq!(status, 200, "{done}");
        let done: DisputeAlert = serde_json::from_value(done).unwrap();
        let given = done.answer.clone().unwrap();
        assert_eq!(
            (done.status, given.outcome, given.refund_usd_cents, given.answered_by),
            (AlertStatus::Answered, AlertOutcome::Refunded, usd_cents, Some(1))
        );
        let (status, replayed) =
            answer(&server, AVA, alert.id, &first, json!({ "outcome": "refunded", "note": "refunded in full" })).await;
        assert_eq!((status, replayed["version"].as_i64()), (200, Some(done.version)));
        // Final once sent: another answer is a conflict carrying the alert as it is.
        let (status, refused) = answer(&server, AVA, alert.id, &key(), json!({ "outcome": "not_resolved" })).await;
        assert_eq!(status, 409, "{refused}");
        assert_eq!(refused["current"]["data"]["answer"]["outcome"], "refunded");

        // The connector reads the answer back to send to the programme: once, in order.
        let (status, page) = get(&server, GATEWAY, "/v1/inbound/dispute-alerts/answers?after=0&limit=500").await;
        assert_eq!(status, 200, "{page}");
        let page: AnswerPage = serde_json::from_value(page).unwrap();
        assert_eq!(page.alerts.iter().filter(|a| a.id == alert.id).count(), 1, "sent back once");
        assert!(page.alerts.iter().all(|a| a.answer.is_some()));
        let (_, again) =
            get(&server, GATEWAY, &format!("/v1/inbound/dispute-alerts/answers?after={}", page.next_cursor)).await;
        assert_eq!(
            (again["alerts"].as_array().map(Vec::len), again["next_cursor"].as_i64()),
            (Some(0), Some(page.next_cursor)),
            "nothing new"
        );
        assert_eq!(get(&server, AVA, "/v1/inbound/dispute-alerts/answers").await.0, 403, "the gateway's alone");

        // Audited, and in the change feed of the team.
        let audited: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE entity_kind = 'dispute_alert' AND entity_id = $1")
                .bind(alert.id)
                .fetch_one(&server.db().pool)
                .await
                .unwrap();
        assert_eq!(audited, 2, "received and answered");
        let mut fed = false;
        let mut after = 0;
        loop {
            let (status, page) = get(&server, AVA, &format!("/v1/changes?after={after}&limit=1000")).await;
            assert_eq!(status, 200, "{page}");
            let page: ChangePage = serde_json::from_value(page).unwrap();
            fed |= page.changes.iter().any(|c| matches!(&c.entity, Entity::DisputeAlert(a) if a.id == alert.id));
            after = page.next_cursor;
            if !page.has_more {
                break;
            }
        }
        assert!(fed, "the alert reaches the team's desks");
    }
}

#[tokio::test]
async fn the_policy_refunds_small_disputes_while_the_crypto_stays() {
    for db in common::databases().await {
        let server = server(&db).await;
        let deposits = card_deposits(&server, "disputes").await;
        let stays = deposits.iter().find(|(d, activity)| {
            matches!(&d.detail, ActivityDetail::Deposit { card_payment: Some(_), .. })
                && whereabouts(d.at, activity) == CryptoWhereabouts::InAccount
        });
        let left =
            deposits.iter().find(|(d, activity)| matches!(whereabouts(d.at, activity), CryptoWhereabouts::Left { .. }));
        let (stays, _) = stays.expect("a card payment whose crypto stayed");
        // Matched by its ARN whatever the amount claimed: 30 USD is under the policy's 50.
        let (status, made) =
            deliver(&server, GATEWAY, &incoming("rapid_dispute_resolution", "VRF-1", stays, 30_00, true)).await;
        assert_eq!(status, 201, "{made}");
        let alert: DisputeAlert = serde_json::from_value(made).unwrap();
        assert_eq!(alert.payment_event_id, Some(stays.id));
        let given = alert.answer.expect("answered by the policy");
        assert_eq!(
            (alert.status, given.outcome, given.answered_by, given.rule.as_deref()),
            (AlertStatus::Answered, AlertOutcome::Refunded, None, Some("auto_refund"))
        );
        assert_eq!(given.refund_usd_cents, 30_00);
        // Where the crypto has left, the same small dispute waits for a person.
        if let Some((left, _)) = left {
            let (_, made) = deliver(&server, GATEWAY, &incoming("customer_dispute", "ETH-2", left, 30_00, false)).await;
            assert_eq!(made["status"], "open", "{made}");
        }
    }
}

#[tokio::test]
async fn fraud_goes_to_fraud_clocks_run_out_and_bad_deliveries_are_refused() {
    let server = server("memory").await;
    let deposits = card_deposits(&server, "fraud").await;
    let (deposit, _) = deposits.first().expect("a fraud customer's card deposit");
    let mut body = incoming("confirmed_fraud", "ETH-3", deposit, 900_00, false);
    let (status, made) = deliver(&server, GATEWAY, &body).await;
    assert_eq!(status, 201, "{made}");
    let fraud: DisputeAlert = serde_json::from_value(made).unwrap();
    assert_eq!((fraud.queue.as_str(), fraud.respond_by - fraud.received_at), ("fraud", Duration::hours(24)));
    assert_eq!(get(&server, HARUTO, &format!("/v1/dispute-alerts/{}", fraud.id)).await.0, 200);
    // The disputes team may not answer fraud's alert (seen through the customer or not).
    let (status, _) = answer(&server, AVA, fraud.id, &key(), json!({ "outcome": "refunded" })).await;
    assert!(status == 403 || status == 404, "{status}");
    assert_eq!(get(&server, HARUTO, &format!("/v1/dispute-alerts/{}", fraud.id)).await.1["status"], "open");

    // Raised by the programme 25 hours ago: the deadline passed before it got here.
    body["external_id"] = json!("ETH-4");
    body["raised_at"] = json!(Utc::now() - Duration::hours(25));
    let (_, late) = deliver(&server, GATEWAY, &body).await;
    assert_eq!(late["status"], "expired", "{late}");
    let (status, _) =
        answer(&server, HARUTO, late["id"].as_i64().unwrap(), &key(), json!({ "outcome": "refunded" })).await;
    assert_eq!(status, 422, "past its deadline");

    // An order-insight request (2 hours) the sweep expires once its clock ran out.
    let mut insight = incoming("order_insight", "VRF-5", deposit, 900_00, false);
    insight["raised_at"] = json!(Utc::now() - Duration::minutes(119));
    let (_, open) = deliver(&server, GATEWAY, &insight).await;
    assert_eq!(open["status"], "open", "{open}");
    let swept =
        arbiter_server::domain::alerts::expire_due(&server.state, Utc::now() + Duration::minutes(2)).await.unwrap();
    assert!(swept >= 1);
    let (_, after) = get(&server, AVA, &format!("/v1/dispute-alerts/{}", open["id"])).await;
    assert_eq!(after["status"], "expired", "{after}");
    assert_eq!(
        arbiter_server::domain::alerts::expire_due(&server.state, Utc::now() + Duration::minutes(2)).await.unwrap(),
        0,
        "once"
    );

    // An unknown card: kept, unmatched, for a person to look at.
    let mut stranger = incoming("customer_dispute", "ETH-6", deposit, 10_00, false);
    stranger["card_last4"] = json!("0000");
    stranger["transaction_at"] = json!(Utc::now() - Duration::days(400));
    let (status, unmatched) = deliver(&server, GATEWAY, &stranger).await;
    assert_eq!(
        (status, unmatched["customer_id"].clone(), unmatched["status"].clone()),
        (201, Value::Null, json!("open"))
    );

    // What a connector may not send.
    for (field, value, code) in [
        ("card_last4", json!("12a4"), 400),
        ("amount_minor", json!(0), 400),
        ("currency", json!("XXX"), 422),
        ("external_id", json!(" "), 400),
        ("arn", json!("74-12"), 400),
        ("kind", json!("friendly_fraud"), 400),
    ] {
        let mut bad = incoming("customer_dispute", "ETH-7", deposit, 10_00, false);
        bad[field] = value;
        assert_eq!(deliver(&server, GATEWAY, &bad).await.0, code, "{field}");
    }
}
