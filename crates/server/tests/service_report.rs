//! The service report over real HTTP: the demo's history adds up across every breakdown, a
//! conversation worked through the API (answered, solved, reopened by the customer, solved
//! again) moves the figures exactly as the rules say, and only supervisors of a team see it.

mod common;

use arbiter_contract::*;
use arbiter_server::{Config, RunningServer};
use chrono::{Duration, Utc};
use common::{http, key, AVA, MARCUS};
use serde_json::json;

const GATEWAY: &str = "gateway-secret";
const AVA_ID: i64 = 1;

async fn report(server: &RunningServer, token: &str, query: &str) -> reqwest::Response {
    http().get(format!("{}/v1/reports/service?{query}", server.base_url())).bearer_auth(token).send().await.unwrap()
}

async fn last_days(server: &RunningServer, days: i64) -> ServiceReport {
    let today = Utc::now().date_naive();
    let query = format!("from={}&to={today}&team=disputes", today - Duration::days(days - 1));
    let answer = report(server, MARCUS, &query).await;
    assert_eq!(answer.status(), 200);
    answer.json().await.unwrap()
}

async fn ticket(server: &RunningServer, id: i64) -> Ticket {
    let detail: TicketDetail = http()
        .get(format!("{}/v1/tickets/{id}", server.base_url()))
        .bearer_auth(AVA)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    detail.ticket
}

async fn update(server: &RunningServer, id: i64, body: serde_json::Value) {
    let version = ticket(server, id).await.version;
    let answer = http()
        .patch(format!("{}/v1/tickets/{id}", server.base_url()))
        .bearer_auth(AVA)
        .header("Idempotency-Key", key())
        .header("If-Match", version.to_string())
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200, "{}", answer.text().await.unwrap());
}

fn sum(rows: &[ServiceRow], of: impl Fn(&ServiceRow) -> i64) -> i64 {
    rows.iter().map(of).sum()
}

#[tokio::test]
async fn the_demo_history_adds_up_in_every_breakdown() {
    for db in common::databases().await {
        let server = common::server(&db, 600).await;
        let report = last_days(&server, 30).await;
        assert_eq!(report.teams, vec!["disputes".to_owned()]);
        assert_eq!(report.by_day.len(), 30);
        let totals = &report.totals;
        assert!(totals.first_response.count > 0 && totals.solved > 0 && totals.ratings > 0, "{totals:?}");
        assert!(totals.handle.count > 0 && totals.resolution.count > 0);
        for rows in [&report.by_day, &report.by_channel, &report.by_language, &report.by_team] {
            assert_eq!(sum(rows, |r| r.first_response.count), totals.first_response.count);
            assert_eq!(sum(rows, |r| r.solved), totals.solved);
            assert_eq!(sum(rows, |r| r.reopened), totals.reopened);
            assert_eq!(sum(rows, |r| r.ratings), totals.ratings);
            assert_eq!(sum(rows, |r| r.resolution.count), totals.resolution.count);
        }
        // Every first response has its author.
        assert_eq!(sum(&report.by_agent, |r| r.first_response.count), totals.first_response.count);
        assert!(report.by_agent.iter().all(|r| r.label != r.key), "agents are named");
        let csat = totals.csat_satisfied.unwrap();
        assert!((0.0..=1.0).contains(&csat));
    }
}

#[tokio::test]
async fn a_conversation_answered_solved_reopened_and_solved_again_counts_by_the_rules() {
    for db in common::databases().await {
        let config = Config { gateway_token: Some(GATEWAY.into()), ..Config::default() };
        let server = common::server_with(&db, 300, &config).await;
        // A new disputes ticket nobody has answered yet.
        let id: i64 = sqlx::query_scalar(
            "SELECT t.id FROM tickets t LEFT JOIN ticket_replies r ON r.ticket_id = t.id
             WHERE t.queue = 'disputes' AND t.status = 'new' AND r.first_reply_at IS NULL
               AND r.first_customer_at IS NOT NULL ORDER BY t.id LIMIT 1",
        )
        .fetch_one(&server.db().pool)
        .await
        .unwrap();
        let before = last_days(&server, 60).await;

        update(&server, id, json!({ "assignee_id": AVA_ID, "status": "open" })).await;
        let reply = http()
            .post(format!("{}/v1/tickets/{id}/replies", server.base_url()))
            .bearer_auth(AVA)
            .header("Idempotency-Key", key())
            .json(&json!({ "body": "We have your dispute and are on it." }))
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), 201, "{}", reply.text().await.unwrap());
        update(&server, id, json!({ "status": "solved" })).await;
        let customer = http()
            .post(format!("{}/v1/inbound/tickets/{id}/messages", server.base_url()))
            .bearer_auth(GATEWAY)
            .json(&json!({ "text": "It is still not refunded." }))
            .send()
            .await
            .unwrap();
        assert_eq!(customer.status(), 201, "{}", customer.text().await.unwrap());
        assert!(ticket(&server, id).await.status.is_active(), "the customer's message reopened it");
        update(&server, id, json!({ "status": "solved" })).await;

        let statuses: Vec<String> =
            sqlx::query_scalar("SELECT status FROM ticket_states WHERE ticket_id = $1 ORDER BY at, id")
                .bind(id)
                .fetch_all(&server.db().pool)
                .await
                .unwrap();
        let tail: Vec<&str> = statuses.iter().rev().take(4).rev().map(String::as_str).collect();
        assert_eq!(tail, ["open", "solved", "open", "solved"], "{statuses:?}");
        let replier: Option<i64> =
            sqlx::query_scalar("SELECT first_reply_agent FROM ticket_replies WHERE ticket_id = $1")
                .bind(id)
                .fetch_one(&server.db().pool)
                .await
                .unwrap();
        assert_eq!(replier, Some(AVA_ID));

        let after = last_days(&server, 60).await;
        let (b, a) = (&before.totals, &after.totals);
        assert_eq!(a.first_response.count, b.first_response.count + 1);
        assert_eq!(a.solved, b.solved + 1, "solved twice, counted once");
        assert_eq!(a.reopened, b.reopened + 1);
        assert_eq!(a.resolution.count, b.resolution.count + 1);
        let ava = |r: &ServiceReport| r.by_agent.iter().find(|row| row.key == AVA_ID.to_string()).cloned();
        let (ava_before, ava_after) = (ava(&before).unwrap_or_default(), ava(&after).unwrap());
        assert_eq!(ava_after.first_response.count, ava_before.first_response.count + 1);
        assert_eq!(ava_after.reopened, ava_before.reopened + 1);
    }
}

#[tokio::test]
async fn only_a_team_s_supervisor_sees_it_and_bad_periods_are_refused() {
    for db in common::databases().await {
        let server = common::server(&db, 60).await;
        let today = Utc::now().date_naive();
        let period = format!("from={today}&to={today}");
        assert_eq!(report(&server, AVA, &period).await.status(), 403, "agents do not");
        assert_eq!(report(&server, MARCUS, &format!("{period}&team=fraud")).await.status(), 403, "not his team");
        let backwards = format!("from={today}&to={}", today - Duration::days(1));
        let refused = report(&server, MARCUS, &backwards).await;
        assert_eq!(refused.status(), 422, "well-formed, but no period");
        let body: ApiError = refused.json().await.unwrap();
        assert!(body.message.contains("before"), "{}", body.message);
        let long = format!("from={}&to={today}", today - Duration::days(400));
        assert_eq!(report(&server, MARCUS, &long).await.status(), 422);
        assert_eq!(report(&server, MARCUS, "from=yesterday&to=today").await.status(), 400);
        assert_eq!(report(&server, MARCUS, &period).await.status(), 200);
    }
}
