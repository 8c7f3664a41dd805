//! Compelling Evidence 3.0: the rule at its edges, and as a property against a plain reading
//! of the rule.

use std::collections::BTreeSet;

use arbiter_contract::{
    ActivityDetail, ActivityEvent, BillingAddress, CardDispute, CardNetwork, CardPayment, ChargebackStage,
    DepositMethod, ThreeDsOutcome, TransferStatus,
};
use arbiter_policy::compelling_evidence::{
    check, check_case, programme, CardTransaction, Element, Programme, Shortfall, Verdict,
};
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

fn day(d: &str) -> NaiveDate {
    NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
}

const DISPUTED_ON: &str = "2026-11-20";

fn disputed() -> CardTransaction {
    CardTransaction {
        event_id: 100,
        card: "card-a".into(),
        processed_on: day(DISPUTED_ON),
        account: "UID 1".into(),
        ip: Some("11.0.1.10".into()),
        device_id: Some("d3v1ce0000000001".into()),
        address: Some("1 main st|lisbon|1000|pt".into()),
        disputed: true,
        fraud_reported: false,
        usd_cents: 50_000,
    }
}

/// An earlier payment on the same card, `days` before the disputed one, sharing everything.
fn prior(id: i64, days: i64) -> CardTransaction {
    CardTransaction {
        event_id: id,
        processed_on: day(DISPUTED_ON) - Duration::days(days),
        disputed: false,
        usd_cents: 10_000,
        ..disputed()
    }
}

fn verdicts(history: &[CardTransaction]) -> Vec<(i64, Verdict)> {
    let mut v: Vec<_> = check(Some(Programme::VisaCe3), Some(&disputed()), history)
        .priors
        .iter()
        .map(|p| (p.event_id, p.verdict))
        .collect();
    v.sort_by_key(|(id, _)| *id);
    v
}

#[test]
fn the_window_runs_from_day_120_to_day_365() {
    let history = [prior(1, 119), prior(2, 120), prior(3, 365), prior(4, 366)];
    assert_eq!(
        verdicts(&history),
        vec![(1, Verdict::TooRecent), (2, Verdict::Qualifies), (3, Verdict::Qualifies), (4, Verdict::TooOld)]
    );
    let result = check(Some(Programme::VisaCe3), Some(&disputed()), &history);
    assert!(result.qualifies);
    assert_eq!(result.qualifying().map(|p| p.days_before).collect::<Vec<_>>(), vec![120, 365], "newest first");
    assert!(result.shortfalls.is_empty());
}

#[test]
fn one_prior_payment_is_not_enough_two_are() {
    let one = check(Some(Programme::VisaCe3), Some(&disputed()), &[prior(1, 200)]);
    assert!(!one.qualifies);
    assert_eq!(one.shortfalls, vec![Shortfall::TooFewPriors { qualifying: 1, needed: 2 }]);
    let two = check(Some(Programme::VisaCe3), Some(&disputed()), &[prior(1, 200), prior(2, 300)]);
    assert!(two.qualifies);
    assert_eq!(two.strongest_two().map(|[a, b]| (a.event_id, b.event_id)), Some((1, 2)));
}

#[test]
fn two_elements_without_the_ip_or_the_device_do_not_count() {
    let account_and_address = |id, days| CardTransaction {
        ip: Some("99.9.9.9".into()),
        device_id: Some("another-device-000".into()),
        ..prior(id, days)
    };
    let history = [account_and_address(1, 150), account_and_address(2, 250)];
    let result = check(Some(Programme::VisaCe3), Some(&disputed()), &history);
    assert!(!result.qualifies);
    assert!(result.priors.iter().all(|p| p.verdict == Verdict::NoDeviceOrIp));
    assert_eq!(result.priors[0].elements, vec![Element::Account, Element::Address]);
    // The account and the IP are enough.
    let account_and_ip = |id, days| CardTransaction { device_id: None, address: None, ..prior(id, days) };
    let history = [account_and_ip(1, 150), account_and_ip(2, 250)];
    assert!(check(Some(Programme::VisaCe3), Some(&disputed()), &history).qualifies);
    // The device alone is one element.
    let device_only =
        |id, days| CardTransaction { account: "UID 2".into(), ip: None, address: None, ..prior(id, days) };
    let history = [device_only(1, 150), device_only(2, 250)];
    assert_eq!(verdicts(&history), vec![(1, Verdict::TooFewElements), (2, Verdict::TooFewElements)]);
}

#[test]
fn disputed_or_fraud_reported_payments_are_never_evidence() {
    let history = [
        CardTransaction { disputed: true, ..prior(1, 150) },
        CardTransaction { fraud_reported: true, ..prior(2, 160) },
        prior(3, 170),
    ];
    assert_eq!(verdicts(&history), vec![(1, Verdict::Disputed), (2, Verdict::FraudReported), (3, Verdict::Qualifies)]);
    assert!(!check(Some(Programme::VisaCe3), Some(&disputed()), &history).qualifies);
}

#[test]
fn other_cards_later_payments_and_the_disputed_one_are_left_out() {
    let history = [
        CardTransaction { card: "card-b".into(), ..prior(1, 150) },
        CardTransaction { processed_on: day("2026-11-25"), ..prior(2, 0) },
        disputed(),
        prior(3, 150),
        prior(4, 151),
    ];
    let result = check(Some(Programme::VisaCe3), Some(&disputed()), &history);
    assert_eq!(result.priors.iter().map(|p| p.event_id).collect::<Vec<_>>(), vec![3, 4]);
    assert!(result.qualifies);
}

#[test]
fn only_the_programmes_codes_qualify_and_the_history_is_told_apart() {
    assert_eq!(programme(CardNetwork::Visa, "10.4"), Some(Programme::VisaCe3));
    assert_eq!(programme(CardNetwork::Visa, " 10.4 "), Some(Programme::VisaCe3));
    assert_eq!(programme(CardNetwork::Visa, "13.1"), None);
    assert_eq!(programme(CardNetwork::Mastercard, "4837"), Some(Programme::MastercardFirstPartyTrust));
    assert_eq!(programme(CardNetwork::Mastercard, "4863"), Some(Programme::MastercardFirstPartyTrust));
    assert_eq!(programme(CardNetwork::Mastercard, "4853"), None);
    let result = check(None, Some(&disputed()), &[prior(1, 200), prior(2, 300)]);
    assert!(result.history_matches && !result.qualifies);
    assert_eq!(result.shortfalls, vec![Shortfall::NotCovered]);
}

#[test]
fn a_disputed_payment_without_ip_or_device_is_said() {
    let bare = CardTransaction { ip: None, device_id: None, ..disputed() };
    let result = check(Some(Programme::VisaCe3), Some(&bare), &[prior(1, 200), prior(2, 300)]);
    assert!(!result.qualifies);
    assert!(result.shortfalls.contains(&Shortfall::DisputedLacksDeviceAndIp));
    let unknown = check(Some(Programme::VisaCe3), None, &[prior(1, 200)]);
    assert_eq!(unknown.shortfalls, vec![Shortfall::DisputedPaymentUnknown]);
}

fn card_event(id: i64, at: &str, last4: &str, usd_cents: i64, payment: Option<CardPayment>) -> ActivityEvent {
    let at = Utc.from_utc_datetime(&day(at).and_hms_opt(12, 0, 0).unwrap());
    ActivityEvent {
        id,
        customer_id: 1,
        at,
        session_id: None,
        detail: ActivityDetail::Deposit {
            method: DepositMethod::Card,
            amount_minor: Some(usd_cents),
            currency: Some("USD".into()),
            asset: None,
            quantity: None,
            usd_cents,
            card_fingerprint: Some("fp-1".into()),
            card_last4: Some(last4.into()),
            tx_hash: None,
            from_address: None,
            card_payment: payment,
            status: TransferStatus::Completed,
        },
    }
}

fn payment(on: &str, ip: &str) -> CardPayment {
    CardPayment {
        network: CardNetwork::Visa,
        arn: "74567896541230000000001".into(),
        authorization_code: "A1B2C3".into(),
        processed_on: day(on),
        three_ds: ThreeDsOutcome::Frictionless,
        device_id: Some("device-fingerprint-0001".into()),
        ip: Some(ip.into()),
        billing_address: Some(BillingAddress {
            line1: "Rua Augusta 10".into(),
            city: "Lisboa".into(),
            postal_code: "1100-053".into(),
            country: "PT".into(),
        }),
        disputed: false,
        fraud_reported: false,
    }
}

#[test]
fn a_case_finds_its_payment_by_id_or_by_card_date_and_amount() {
    let events = vec![
        card_event(1, "2026-04-01", "4242", 10_000, Some(payment("2026-04-01", "11.0.0.1"))),
        card_event(2, "2026-06-01", "4242", 12_000, Some(payment("2026-06-01", "11.0.0.1"))),
        card_event(3, "2026-11-20", "4242", 70_000, Some(payment("2026-11-20", "11.0.0.1"))),
        card_event(4, "2026-11-20", "4242", 50_000, Some(payment("2026-11-20", "11.0.0.1"))),
    ];
    let mut card = CardDispute {
        network: CardNetwork::Visa,
        reason_code: "10.4".into(),
        stage: ChargebackStage::FirstChargeback,
        card_last4: "4242".into(),
        transaction_date: day("2026-11-20"),
        filed_at: Utc::now(),
        stage_began_at: None,
        arn: None,
        payment_event_id: None,
    };
    let none = BTreeSet::new();
    // Nearest amount on the date with the card's last four.
    let by_amount = check_case(&card, 51_000, "UID 1", &events, &none);
    assert_eq!(by_amount.disputed_event_id, Some(4));
    // Event 3 is not a prior: same day.
    assert_eq!(by_amount.priors.iter().map(|p| p.event_id).collect::<Vec<_>>(), vec![2, 1]);
    assert!(by_amount.qualifies);
    card.payment_event_id = Some(3);
    assert_eq!(check_case(&card, 51_000, "UID 1", &events, &none).disputed_event_id, Some(3));
    // Another case disputing payment 2 leaves one prior.
    let other = BTreeSet::from([2]);
    let result = check_case(&card, 51_000, "UID 1", &events, &other);
    assert!(!result.qualifies);
    assert_eq!(result.shortfalls, vec![Shortfall::TooFewPriors { qualifying: 1, needed: 2 }]);
    // A payment the acquirer never processed (no card details) is not a transaction to match.
    let mut bare = events.clone();
    bare[0] = card_event(1, "2026-04-01", "4242", 10_000, None);
    assert!(!check_case(&card, 51_000, "UID 1", &bare, &none).qualifies);
}

#[test]
fn billing_addresses_match_as_the_networks_compare_them() {
    let a = BillingAddress {
        line1: "Rua Augusta, 10".into(),
        city: "LISBOA".into(),
        postal_code: "1100-053".into(),
        country: "pt".into(),
    };
    let b = BillingAddress {
        line1: "rua augusta 10".into(),
        city: "Lisboa".into(),
        postal_code: "1100053".into(),
        country: "PT".into(),
    };
    assert_eq!(a.normalised(), b.normalised());
    let c = BillingAddress { line1: "Rua Augusta 12".into(), ..b.clone() };
    assert_ne!(a.normalised(), c.normalised());
}

/// An earlier payment drawn at random: the same card or not, anywhere in two years, each
/// element shared or not, disputed or reported sometimes.
fn arb_prior() -> impl Strategy<Value = (i64, bool, [bool; 4], bool, bool)> {
    (
        0i64..730,
        prop::bool::weighted(0.9),
        prop::array::uniform4(any::<bool>()),
        prop::bool::weighted(0.1),
        prop::bool::weighted(0.1),
    )
}

fn build(
    id: i64,
    (days, same_card, shared, disputed_flag, fraud): (i64, bool, [bool; 4], bool, bool),
) -> CardTransaction {
    let base = disputed();
    let other = |keep: bool, value: &Option<String>, alt: &str| if keep { value.clone() } else { Some(alt.to_owned()) };
    CardTransaction {
        event_id: id,
        card: if same_card { base.card.clone() } else { "card-z".into() },
        processed_on: base.processed_on - Duration::days(days),
        account: if shared[0] { base.account.clone() } else { format!("UID {}", 1000 + id) },
        ip: other(shared[1], &base.ip, "8.8.8.8"),
        device_id: other(shared[2], &base.device_id, "other-device-fp-000"),
        address: other(shared[3], &base.address, "elsewhere"),
        disputed: disputed_flag,
        fraud_reported: fraud,
        usd_cents: 1_000,
    }
}

/// The rule read plainly, written apart from the implementation.
fn oracle(history: &[CardTransaction]) -> bool {
    let d = disputed();
    history
        .iter()
        .filter(|t| t.card == d.card && t.event_id != d.event_id && !t.disputed && !t.fraud_reported)
        .filter(|t| {
            let days = (d.processed_on - t.processed_on).num_days();
            (120..=365).contains(&days)
        })
        .filter(|t| {
            let ip = t.ip == d.ip;
            let device = t.device_id == d.device_id;
            let n = [t.account == d.account, ip, device, t.address == d.address].iter().filter(|x| **x).count();
            n >= 2 && (ip || device)
        })
        .count()
        >= 2
}

proptest! {
    #[test]
    fn the_check_agrees_with_the_rule_read_plainly(priors in prop::collection::vec(arb_prior(), 0..12)) {
        let history: Vec<CardTransaction> = priors.into_iter().enumerate().map(|(i, p)| build(i as i64 + 1, p)).collect();
        let result = check(Some(Programme::VisaCe3), Some(&disputed()), &history);
        prop_assert_eq!(result.qualifies, oracle(&history));
        // Every qualifying payment is in the window, on the card, undisputed, with a device signal.
        for p in result.qualifying() {
            prop_assert!((120..=365).contains(&p.days_before));
            prop_assert!(p.elements.len() >= 2 && p.elements.iter().any(|e| e.is_device_signal()));
        }
        // The order of the history does not matter.
        let mut reversed = history.clone();
        reversed.reverse();
        prop_assert_eq!(check(Some(Programme::VisaCe3), Some(&disputed()), &reversed), result.clone());
        // Taking a qualifying payment away from a case that just qualifies undoes it.
        if result.qualifying().count() == 2 {
            let gone = result.qualifying().next().unwrap().event_id;
            let fewer: Vec<_> = history.iter().filter(|t| t.event_id != gone).cloned().collect();
            prop_assert!(!check(Some(Programme::VisaCe3), Some(&disputed()), &fewer).qualifies);
        }
    }
}
