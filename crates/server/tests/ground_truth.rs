//! The generator's ground truth holds: planted customers show their pattern, and the clean
//! baseline never shows patterns 1 (card deposit → withdrawal within 72 h) or 8 (three or
//! more deposits just under 10,000 USD within 24 h) by accident.

use std::collections::{BTreeMap, BTreeSet};

use arbiter_contract::{ActivityDetail, ActivityEvent, CardNetwork, Case, CaseStatus, ChargebackStage, DepositMethod};
use arbiter_server::generator::{generate, GeneratorOptions};
use arbiter_server::Db;
use chrono::Duration;

fn rule1(events: &[ActivityEvent]) -> bool {
    events.iter().any(|d| {
        matches!(d.detail, ActivityDetail::Deposit { method: DepositMethod::Card, .. })
            && events.iter().any(|w| {
                matches!(w.detail, ActivityDetail::Withdrawal { .. })
                    && w.at > d.at
                    && w.at - d.at <= Duration::hours(72)
            })
    })
}

fn rule8(events: &[ActivityEvent]) -> bool {
    let near: Vec<_> = events
        .iter()
        .filter(|e| matches!(e.detail, ActivityDetail::Deposit { usd_cents, .. } if (900_000..1_000_000).contains(&usd_cents)))
        .collect();
    near.iter()
        .any(|first| near.iter().filter(|e| e.at >= first.at && e.at - first.at <= Duration::hours(24)).count() >= 3)
}

#[tokio::test]
async fn planted_patterns_show_and_the_baseline_stays_clean() {
    let db = Db::connect("memory").await.unwrap();
    let options = GeneratorOptions { seed: 5, tickets: 3_000, now: "2026-11-20T12:00:00Z".parse().unwrap() };
    let summary = generate(&db, &options).await.unwrap();
    let truth = summary.ground_truth;
    let rows: Vec<String> = sqlx::query_scalar("SELECT data FROM activity_events").fetch_all(&db.pool).await.unwrap();
    let mut by_customer: BTreeMap<i64, Vec<ActivityEvent>> = BTreeMap::new();
    for row in rows {
        let event: ActivityEvent = serde_json::from_str(&row).unwrap();
        by_customer.entry(event.customer_id).or_default().push(event);
    }
    for rule in 1..=10u8 {
        assert!(truth.planted.iter().any(|p| p.rule == rule), "rule {rule} is planted");
    }
    // Rule 10's withdrawals go to addresses the screening knows as high or severe; rule 9's to
    // an address that imitates one the customer withdrew to before, after dust from it.
    let known: BTreeMap<&str, &arbiter_contract::Screening> =
        truth.addresses.iter().map(|a| (a.address.as_str(), &a.screening)).collect();
    for p in truth.planted.iter().filter(|p| p.rule == 10) {
        let out = by_customer[&p.customer_id].iter().find(|e| p.event_ids.contains(&e.id)).unwrap();
        let ActivityDetail::Withdrawal { address, .. } = &out.detail else { panic!("{p:?}") };
        assert!(known[address.as_str()].rating >= arbiter_contract::ScreeningRating::High, "{p:?}");
    }
    for p in truth.planted.iter().filter(|p| p.rule == 9) {
        let named: Vec<&ActivityEvent> =
            by_customer[&p.customer_id].iter().filter(|e| p.event_ids.contains(&e.id)).collect();
        assert_eq!(named.len(), 3, "the used address, the dust, the withdrawal: {p:?}");
        assert!(named.iter().any(|e| matches!(&e.detail, ActivityDetail::Deposit { usd_cents, from_address: Some(_), .. } if *usd_cents < 200)));
    }
    let planted: BTreeMap<u8, BTreeSet<i64>> = truth.planted.iter().fold(BTreeMap::new(), |mut map, p| {
        map.entry(p.rule).or_default().insert(p.customer_id);
        map
    });
    for (customer, events) in &by_customer {
        let is1 = planted.get(&1).is_some_and(|s| s.contains(customer));
        let is8 = planted.get(&8).is_some_and(|s| s.contains(customer));
        // Rule-4 card clusters add card deposits without withdrawals; only plants match.
        assert_eq!(rule1(events), is1, "customer {customer}: rule 1 shows exactly when planted");
        assert_eq!(rule8(events), is8, "customer {customer}: rule 8 shows exactly when planted");
    }
    // Every planted event exists and belongs to its customer.
    for p in &truth.planted {
        let ids: BTreeSet<i64> = by_customer[&p.customer_id].iter().map(|e| e.id).collect();
        assert!(p.event_ids.iter().all(|id| ids.contains(id)), "{p:?}");
    }
    // Rule 4: cluster members name each other.
    for p in truth.planted.iter().filter(|p| p.rule == 4) {
        assert!(!p.linked_customer_ids.is_empty());
        for other in &p.linked_customer_ids {
            assert!(truth
                .planted
                .iter()
                .any(|q| q.rule == 4 && q.customer_id == *other && q.linked_customer_ids.contains(&p.customer_id)));
        }
    }
    assert!(!truth.decoys.is_empty());
    card_disputes_meet_the_rule_exactly_as_planted(&db, &truth, &by_customer).await;
}

/// Every chargeback names its payment, and CE 3.0's check finds exactly the cases (and the
/// earlier payments) planted to qualify.
async fn card_disputes_meet_the_rule_exactly_as_planted(
    db: &Db,
    truth: &arbiter_server::generator::GroundTruth,
    by_customer: &BTreeMap<i64, Vec<ActivityEvent>>,
) {
    use arbiter_policy::compelling_evidence::check_case;
    let rows: Vec<String> = sqlx::query_scalar("SELECT data FROM cases").fetch_all(&db.pool).await.unwrap();
    let cases: Vec<Case> = rows.iter().map(|r| serde_json::from_str(r).unwrap()).collect();
    let chargebacks: Vec<&Case> = cases.iter().filter(|c| c.card.is_some()).collect();
    assert_eq!(truth.card_disputes.len(), chargebacks.len(), "every chargeback's payments are planted");
    let (mut qualifying, mut not, mut answerable) = (0, 0, 0);
    for planted in &truth.card_disputes {
        let case = chargebacks.iter().find(|c| c.id == planted.case_id).unwrap();
        let card = case.card.as_ref().unwrap();
        assert_eq!(card.payment_event_id, planted.payment_event_id);
        let events = &by_customer[&case.customer_id];
        if let Some(id) = planted.payment_event_id {
            let payment = events.iter().find(|e| e.id == id).unwrap();
            let ActivityDetail::Deposit { card_payment: Some(p), card_last4: Some(last4), usd_cents, .. } =
                &payment.detail
            else {
                panic!("{planted:?}: not a card payment")
            };
            assert_eq!(
                (last4, *usd_cents, p.processed_on),
                (&card.card_last4, case.amount_usd_cents, card.transaction_date)
            );
            assert_eq!(card.arn.as_deref(), Some(p.arn.as_str()));
            assert_eq!(p.arn.len(), 23);
            assert!(p.disputed);
        }
        // Payments other chargebacks of the customer dispute.
        let others: BTreeSet<i64> = chargebacks
            .iter()
            .filter(|c| c.customer_id == case.customer_id && c.id != case.id)
            .filter_map(|c| c.card.as_ref().and_then(|card| card.payment_event_id))
            .collect();
        let account = &customers_account(db, case.customer_id).await;
        let check = check_case(card, case.amount_usd_cents, account, events, &others);
        assert_eq!(check.history_matches, planted.history_matches, "{planted:?}\n{check:?}");
        assert_eq!(check.qualifies, planted.qualifies, "{planted:?}");
        if planted.history_matches {
            let found: BTreeSet<i64> = check.qualifying().map(|p| p.event_id).collect();
            assert_eq!(found, planted.qualifying_event_ids.iter().copied().collect(), "{planted:?}");
        }
        if card.network == CardNetwork::Visa && card.reason_code == "10.4" {
            if planted.qualifies {
                qualifying += 1;
                answerable +=
                    usize::from(case.status != CaseStatus::Closed && card.stage == ChargebackStage::FirstChargeback);
            } else {
                not += 1
            }
        }
    }
    assert!(qualifying > 0 && not > 0, "10.4 disputes of both kinds: {qualifying} qualify, {not} do not");
    // Whatever the day the data is generated on, an agent can answer one with CE 3.0.
    assert!(answerable >= 1, "an open first chargeback under 10.4 that qualifies");
}

async fn customers_account(db: &Db, id: i64) -> String {
    let data: String =
        sqlx::query_scalar("SELECT data FROM customers WHERE id = $1").bind(id).fetch_one(&db.pool).await.unwrap();
    serde_json::from_str::<arbiter_contract::Customer>(&data).unwrap().account_id
}
