//! Properties of the scoring over random activity: the score is the sum of the fired rules'
//! weights (each rule once), the band follows the score, the order events arrive in does not
//! matter, and another customer's events never change a customer's score unless they link.

use arbiter_contract::*;
use arbiter_risk::{band, score, Links, Subject};
use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;

fn event(id: i64, customer: i64, minutes: i64, kind: u8, usd: i64, tag: u8) -> ActivityEvent {
    let at: DateTime<Utc> = "2026-10-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::minutes(minutes);
    let detail = match kind % 5 {
        0 => ActivityDetail::Login {
            device_id: format!("d{}", tag % 3),
            device: "phone".into(),
            ip: format!("10.{customer}.0.{}", tag % 3),
            ip_country: ["FR", "NG"][(tag % 2) as usize].into(),
            success: true,
        },
        1 => ActivityDetail::Deposit {
            method: [DepositMethod::Card, DepositMethod::BankTransfer][(tag % 2) as usize],
            amount_minor: Some(usd),
            currency: Some("USD".into()),
            asset: None,
            quantity: None,
            usd_cents: usd,
            card_fingerprint: tag.is_multiple_of(2).then(|| format!("card-{customer}")),
            card_last4: Some("4242".into()),
            tx_hash: None,
            from_address: None,
            card_payment: None,
            status: TransferStatus::Completed,
        },
        2 => ActivityDetail::Withdrawal {
            asset: "BTC".into(),
            quantity: "1".into(),
            usd_cents: usd,
            address: format!("addr-{customer}-{}", tag % 2),
            network: "Bitcoin".into(),
            new_address: tag.is_multiple_of(2),
            tx_hash: None,
            status: TransferStatus::Completed,
            locked_until: None,
            screening: None,
            travel_rule: None,
        },
        3 => ActivityDetail::SecurityChange {
            change: [SecurityChangeKind::Password, SecurityChangeKind::WithdrawalAddress][(tag % 2) as usize],
            device_id: format!("d{}", tag % 3),
            ip: "10.0.0.1".into(),
            ip_country: "FR".into(),
        },
        _ => ActivityDetail::Trade {
            pair: "BTC/USDT".into(),
            side: TradeSide::Buy,
            quantity: "1".into(),
            price: "1".into(),
            usd_cents: usd,
            counterparty_customer_id: tag.is_multiple_of(4).then_some(customer),
        },
    };
    ActivityEvent { id, customer_id: customer, at, session_id: Some(format!("s{}", minutes / 30)), detail }
}

fn events_strategy(customer: i64) -> impl Strategy<Value = Vec<ActivityEvent>> {
    prop::collection::vec((0i64..20_000, 0u8..5, 100i64..2_000_000, 0u8..8), 0..40).prop_map(move |raw| {
        raw.into_iter()
            .enumerate()
            .map(|(i, (minutes, kind, usd, tag))| event(customer * 1_000 + i as i64, customer, minutes, kind, usd, tag))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_score_is_the_sum_of_the_fired_rules_and_sets_the_band(events in events_strategy(1)) {
        let policy = defaults::risk_policy();
        let scored = score(&policy, &Subject { customer_id: 1, legal_name: None }, &events, &Links::from_events(&events), Utc::now());
        let mut rules: Vec<u8> = scored.findings.iter().map(|f| f.rule).collect();
        let sum: f64 = scored.findings.iter().map(|f| f.weight).sum();
        prop_assert_eq!(scored.score, sum);
        rules.dedup();
        prop_assert_eq!(rules.len(), scored.findings.len(), "each rule once");
        prop_assert_eq!(scored.band, band(&policy, scored.score));
        for finding in &scored.findings {
            prop_assert!(!finding.event_ids.is_empty(), "rule {} names its events", finding.rule);
            prop_assert!(finding.event_ids.iter().all(|id| events.iter().any(|e| e.id == *id)));
        }
    }

    #[test]
    fn the_order_of_arrival_does_not_matter(events in events_strategy(1), seed in any::<u64>()) {
        let policy = defaults::risk_policy();
        let subject = Subject { customer_id: 1, legal_name: None };
        let mut shuffled = events.clone();
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let now = Utc::now();
        let a = score(&policy, &subject, &events, &Links::from_events(&events), now);
        let b = score(&policy, &subject, &shuffled, &Links::from_events(&shuffled), now);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn unrelated_customers_change_nothing(mine in events_strategy(1), theirs in events_strategy(2)) {
        // Customer 2's identifiers are their own (addresses and cards carry the customer id;
        // devices and IPs too, through the IP), so nothing links them.
        let policy = defaults::risk_policy();
        let subject = Subject { customer_id: 1, legal_name: None };
        let now = Utc::now();
        let alone = score(&policy, &subject, &mine, &Links::from_events(&mine), now);
        let mut both = mine.clone();
        both.extend(theirs.iter().cloned());
        let links = Links::from_events(&both);
        let together = score(&policy, &subject, &both, &links, now);
        let alone_rules: Vec<u8> = alone.findings.iter().filter(|f| f.rule != 4 && f.rule != 7).map(|f| f.rule).collect();
        let together_rules: Vec<u8> = together.findings.iter().filter(|f| f.rule != 4 && f.rule != 7).map(|f| f.rule).collect();
        prop_assert_eq!(alone_rules, together_rules);
    }
}
