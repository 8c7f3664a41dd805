//! Address poisoning: what counts as a lookalike, and the check over a customer's history.

use arbiter_contract::*;
use arbiter_risk::poisoning::{check, lookalike, PoisoningParams};
use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;

#[test]
fn a_lookalike_shares_both_ends_after_the_fixed_prefix() {
    let known = "0x5a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
    let fake = "0x5a1b2cffffffffffffffffffffffffffff234567";
    let l = lookalike(fake, known, 4).expect("lookalike");
    assert_eq!((l.same_start, l.same_end), (6, 6));
    // Checksum case does not make an address different.
    assert!(lookalike(&known.to_uppercase().replace("0X", "0x"), known, 4).is_none());
    // The fixed prefix does not count: every bech32 address starts with bc1q.
    assert!(lookalike("bc1qzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "bc1qaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 4)
        .is_none());
    // Only the start, or only the end: no.
    assert!(lookalike("0x5a1b0000000000000000000000000000000000ff", known, 4).is_none());
    assert!(lookalike("0xff00000000000000000000000000000001234567", known, 4).is_none());
    // Different lengths are different kinds of address.
    assert!(lookalike("0x5a1b2c3d4e5f60718293a4b5c6d7e8f9012345670", known, 4).is_none());
    // TRON: the T is fixed, the rest case-exact.
    assert!(
        lookalike("TQn9Yzzzzzzzzzzzzzzzzzzzzzzzz5KcbLSE", "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE", 4).is_none(),
        "length"
    );
    assert!(lookalike("TQn9Y2zzzzzzzzzzzzzzzzzzzzzzKcbLSE", "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE", 4).is_some());
    assert!(
        lookalike("Tqn9Y2zzzzzzzzzzzzzzzzzzzzzzKcbLSE", "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE", 4).is_none(),
        "base58 is case-exact"
    );
}

fn at(minutes: i64) -> DateTime<Utc> {
    "2026-11-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::minutes(minutes)
}

fn withdrawal(id: i64, minutes: i64, address: &str) -> ActivityEvent {
    ActivityEvent {
        id,
        customer_id: 1,
        at: at(minutes),
        session_id: None,
        detail: ActivityDetail::Withdrawal {
            asset: "ETH".into(),
            quantity: "1".into(),
            usd_cents: 100,
            address: address.into(),
            network: "ERC20".into(),
            new_address: false,
            tx_hash: None,
            status: TransferStatus::Completed,
            locked_until: None,
            screening: None,
            travel_rule: None,
        },
    }
}

fn deposit_from(id: i64, minutes: i64, from: &str, usd_cents: i64) -> ActivityEvent {
    ActivityEvent {
        id,
        customer_id: 1,
        at: at(minutes),
        session_id: None,
        detail: ActivityDetail::Deposit {
            method: DepositMethod::Crypto,
            amount_minor: None,
            currency: None,
            asset: Some("ETH".into()),
            quantity: Some("0".into()),
            usd_cents,
            card_fingerprint: None,
            card_last4: None,
            tx_hash: None,
            from_address: Some(from.into()),
            card_payment: None,
            status: TransferStatus::Completed,
        },
    }
}

#[test]
fn the_check_names_the_imitated_use_and_the_bait() {
    let known = "0x5a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
    let fake = "0x5a1b2cffffffffffffffffffffffffffff234567";
    let history = [withdrawal(1, 0, known), deposit_from(2, 100, fake, 1), deposit_from(3, 110, fake, 90_000)];
    let out = withdrawal(4, 200, fake);
    let refs: Vec<&ActivityEvent> = history.iter().chain([&out]).collect();
    let w = check(&refs, &out, &PoisoningParams::default()).expect("flagged");
    assert_eq!(w.imitated_event_id, 1);
    assert_eq!(w.dust_event_id, Some(2), "a real deposit from it is not dust");
    // Dust older than the window does not count; the lookalike still does.
    let late = withdrawal(4, 200 + 31 * 24 * 60, fake);
    let refs: Vec<&ActivityEvent> = history.iter().chain([&late]).collect();
    let w = check(&refs, &late, &PoisoningParams::default()).expect("flagged");
    assert_eq!(w.dust_event_id, None);
    // The lookalike used before is no longer new: not flagged again.
    let again = withdrawal(5, 300, fake);
    let refs: Vec<&ActivityEvent> = history.iter().chain([&out, &again]).collect();
    assert!(check(&refs, &again, &PoisoningParams::default()).is_none());
}

proptest! {
    /// Two unrelated random addresses of one kind are not lookalikes, but an address with its
    /// middle replaced always is one of the original.
    #[test]
    fn random_addresses_are_not_lookalikes(a in "[0-9a-f]{40}", b in "[0-9a-f]{40}", middle in "[0-9a-f]{28}") {
        let (a, b) = (format!("0x{a}"), format!("0x{b}"));
        let matched = a[2..6] == b[2..6] && a[a.len() - 4..] == b[b.len() - 4..];
        prop_assert_eq!(lookalike(&a, &b, 4).is_some(), matched && a != b);
        let faked = format!("{}{}{}", &a[..8], middle, &a[36..]);
        if faked != a && faked.as_bytes()[8] != a.as_bytes()[8] && faked.as_bytes()[35] != a.as_bytes()[35] {
            prop_assert!(lookalike(&faked, &a, 4).is_some());
        }
    }
}
