//! The rules against the generator's planted patterns: every rule finds at least 90 % of what
//! was planted, and at least 90 % of what it flags was planted (the figures of
//! docs/EVALUATION.md, on a smaller data set so it runs with every test).

use std::collections::BTreeMap;

use arbiter_contract::{defaults, ActivityEvent, Customer};
use arbiter_risk::evaluation::{evaluate, Expected};
use arbiter_risk::{score, Links, Subject};
use arbiter_server::generator::{generate, GeneratorOptions};
use arbiter_server::Db;

#[tokio::test]
async fn every_rule_finds_what_was_planted_and_little_else() {
    let db = Db::connect("memory").await.unwrap();
    let options = GeneratorOptions { seed: 11, tickets: 2_500, now: "2026-11-20T12:00:00Z".parse().unwrap() };
    let truth = generate(&db, &options).await.unwrap().ground_truth;
    let events: Vec<ActivityEvent> = sqlx::query_scalar::<_, String>("SELECT data FROM activity_events")
        .fetch_all(&db.pool)
        .await
        .unwrap()
        .iter()
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let customers: Vec<Customer> = sqlx::query_scalar::<_, String>("SELECT data FROM customers")
        .fetch_all(&db.pool)
        .await
        .unwrap()
        .iter()
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let links = Links::from_events(&events);
    let mut by_customer: BTreeMap<i64, Vec<ActivityEvent>> = BTreeMap::new();
    for event in events {
        by_customer.entry(event.customer_id).or_default().push(event);
    }
    let policy = defaults::risk_policy();
    let scores: Vec<_> = customers
        .iter()
        .map(|c| {
            let subject = Subject { customer_id: c.id, legal_name: c.legal_name.clone() };
            score(&policy, &subject, by_customer.get(&c.id).map_or(&[][..], |v| v), &links, options.now)
        })
        .collect();
    let expected: Vec<Expected> = truth
        .planted
        .iter()
        .map(|p| Expected { rule: p.rule, customer_id: p.customer_id, event_ids: p.event_ids.clone() })
        .collect();
    let metrics = evaluate(&scores, &expected);
    for m in &metrics {
        assert!(m.expected > 0, "rule {} was planted", m.rule);
        assert!(m.precision >= 0.9 && m.recall >= 0.9, "rule {}: {m:?}", m.rule);
        assert!(m.events_named >= 0.9, "rule {} names the planted events: {m:?}", m.rule);
    }
    // The near misses stay near misses.
    for decoy in &truth.decoys {
        let scored = scores.iter().find(|s| s.customer_id == decoy.customer_id).unwrap();
        assert!(
            scored.findings.iter().all(|f| f.rule != decoy.near_rule),
            "decoy for rule {} ({}) fired",
            decoy.near_rule,
            decoy.description
        );
    }
}
