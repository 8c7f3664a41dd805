//! Each rule at and around its thresholds and windows, with the explanation and the events it
//! names; instants written in any time zone mean the same.

use arbiter_contract::*;
use arbiter_risk::{band, score, Band, Links, Subject};
use chrono::{DateTime, Duration, Utc};

const ME: i64 = 7;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

struct Story {
    events: Vec<ActivityEvent>,
    next: i64,
}

impl Story {
    fn new() -> Self {
        Story { events: Vec::new(), next: 1 }
    }
    fn push(&mut self, customer: i64, when: DateTime<Utc>, session: &str, detail: ActivityDetail) -> i64 {
        let id = self.next;
        self.next += 1;
        self.events.push(ActivityEvent {
            id,
            customer_id: customer,
            at: when,
            session_id: Some(session.into()),
            detail,
        });
        id
    }
    fn login(&mut self, when: DateTime<Utc>, session: &str, device: &str, country: &str, ip: &str) -> i64 {
        self.push(
            ME,
            when,
            session,
            ActivityDetail::Login {
                device_id: device.into(),
                device: format!("{device} phone"),
                ip: ip.into(),
                ip_country: country.into(),
                success: true,
            },
        )
    }
    fn deposit(&mut self, when: DateTime<Utc>, method: DepositMethod, usd: i64, card: Option<&str>) -> i64 {
        self.push(
            ME,
            when,
            "s",
            ActivityDetail::Deposit {
                method,
                amount_minor: Some(usd * 100),
                currency: Some("USD".into()),
                asset: None,
                quantity: None,
                usd_cents: usd * 100,
                card_fingerprint: card.map(str::to_owned),
                card_last4: card.map(|_| "4242".to_owned()),
                tx_hash: None,
                from_address: None,
                card_payment: None,
                status: TransferStatus::Completed,
            },
        )
    }
    fn withdraw(&mut self, when: DateTime<Utc>, session: &str, usd: i64, address: &str, new: bool) -> i64 {
        self.push(
            ME,
            when,
            session,
            ActivityDetail::Withdrawal {
                asset: "BTC".into(),
                quantity: "0.1".into(),
                usd_cents: usd * 100,
                address: address.into(),
                network: "Bitcoin".into(),
                new_address: new,
                tx_hash: None,
                status: TransferStatus::Completed,
                locked_until: None,
                screening: None,
                travel_rule: None,
            },
        )
    }
    fn security(&mut self, when: DateTime<Utc>, session: &str, change: SecurityChangeKind) -> i64 {
        self.push(
            ME,
            when,
            session,
            ActivityDetail::SecurityChange {
                change,
                device_id: "home".into(),
                ip: "10.0.0.1".into(),
                ip_country: "FR".into(),
            },
        )
    }
    fn fired(&self) -> Vec<u8> {
        self.score().findings.iter().map(|f| f.rule).collect()
    }
    fn score(&self) -> arbiter_risk::RiskScore {
        let links = Links::from_events(&self.events);
        let subject = Subject { customer_id: ME, legal_name: Some("Lucas Moreau".into()) };
        score(&defaults::risk_policy(), &subject, &self.events, &links, at("2026-11-20T12:00:00Z"))
    }
}

/// An ordinary first month, so "first deposit" and "new device" have a history.
fn history() -> Story {
    let mut s = Story::new();
    s.login(at("2026-09-01T10:00:00Z"), "h1", "home", "FR", "10.0.0.1");
    s.deposit(at("2026-09-01T10:05:00Z"), DepositMethod::BankTransfer, 1_000, None);
    s.withdraw(at("2026-09-20T10:00:00Z"), "h1", 200, "bc1qmine", false);
    s
}

#[test]
fn rule_1_card_deposit_then_withdrawal_within_72_hours() {
    let t0 = at("2026-11-10T09:00:00Z");
    for (hours, fires) in [(71, true), (72, true), (73, false)] {
        let mut s = history();
        let d = s.deposit(t0, DepositMethod::Card, 1_500, Some("card-1"));
        let w = s.withdraw(t0 + Duration::hours(hours), "x", 1_000, "bc1qelsewhere", true);
        assert_eq!(s.fired().contains(&1), fires, "{hours} h");
        if fires {
            let f = s.score().findings.into_iter().find(|f| f.rule == 1).unwrap();
            assert_eq!(f.event_ids, vec![d, w]);
            assert!(
                f.explanation.starts_with("Card deposit of 1,500 USD (card ··4242) withdrawn"),
                "{}",
                f.explanation
            );
        }
    }
    // A bank transfer is not a card.
    let mut s = history();
    s.deposit(t0, DepositMethod::BankTransfer, 1_500, None);
    s.withdraw(t0 + Duration::hours(2), "x", 1_000, "bc1qelsewhere", true);
    assert!(!s.fired().contains(&1));
}

#[test]
fn rule_2_security_change_then_withdrawal_within_24_hours() {
    let t0 = at("2026-11-10T09:00:00Z");
    for (kind, minutes, fires) in [
        (SecurityChangeKind::Password, 23 * 60, true),
        (SecurityChangeKind::TwoFactor, 24 * 60, true),
        (SecurityChangeKind::Email, 24 * 60 + 1, false),
        (SecurityChangeKind::ApiKey, 60, false), // not an account-takeover change
    ] {
        let mut s = history();
        s.security(t0, "a", kind);
        s.withdraw(t0 + Duration::minutes(minutes), "b", 800, "bc1qnew", true);
        assert_eq!(s.fired().contains(&2), fires, "{kind:?} {minutes} min");
    }
    // A new withdrawal address counts as well as a withdrawal.
    let mut s = history();
    s.security(t0, "a", SecurityChangeKind::Phone);
    s.security(t0 + Duration::hours(3), "b", SecurityChangeKind::WithdrawalAddress);
    let f = s.score().findings.into_iter().find(|f| f.rule == 2).expect("fires");
    assert!(f.explanation.contains("Phone changed"), "{}", f.explanation);
    assert!(f.explanation.contains("a new withdrawal address"), "{}", f.explanation);
}

#[test]
fn rule_3_new_device_and_country_and_address_in_one_session() {
    let t0 = at("2026-11-10T09:00:00Z");
    let run = |device: &str, country: &str, same_session: bool| {
        let mut s = history();
        s.login(t0, "new", device, country, "185.1.2.3");
        s.security(
            t0 + Duration::minutes(4),
            if same_session { "new" } else { "other" },
            SecurityChangeKind::WithdrawalAddress,
        );
        s.fired().contains(&3)
    };
    assert!(run("stranger", "NG", true));
    assert!(!run("home", "NG", true), "a known device");
    assert!(!run("stranger", "FR", true), "the home country");
    assert!(!run("stranger", "NG", false), "another session");
}

#[test]
fn rule_4_accounts_sharing_a_card_or_wallet_are_linked() {
    let mut s = history();
    s.deposit(at("2026-11-10T09:00:00Z"), DepositMethod::Card, 100, Some("shared-card"));
    let other = s.next;
    s.events.push(ActivityEvent {
        id: other,
        customer_id: 99,
        at: at("2026-11-11T09:00:00Z"),
        session_id: None,
        detail: ActivityDetail::Deposit {
            method: DepositMethod::Card,
            amount_minor: Some(100),
            currency: Some("USD".into()),
            asset: None,
            quantity: None,
            usd_cents: 10_000,
            card_fingerprint: Some("shared-card".into()),
            card_last4: Some("4242".into()),
            tx_hash: None,
            from_address: None,
            card_payment: None,
            status: TransferStatus::Completed,
        },
    });
    let f = s.score().findings.into_iter().find(|f| f.rule == 4).expect("linked");
    assert_eq!(f.linked_customer_ids, vec![99]);
    assert!(f.explanation.contains("Shares a card ··4242 with 1 other account"), "{}", f.explanation);
    // Alone, the same card links nothing.
    let mut alone = history();
    alone.deposit(at("2026-11-10T09:00:00Z"), DepositMethod::Card, 100, Some("shared-card"));
    assert!(!alone.fired().contains(&4));
}

#[test]
fn rule_5_most_of_the_first_deposit_out_within_a_day() {
    let t0 = at("2026-11-10T09:00:00Z");
    for (share, hours, fires) in [(81, 23, true), (80, 23, false), (95, 25, false)] {
        let mut s = Story::new();
        s.login(t0, "a", "home", "FR", "10.0.0.1");
        s.deposit(t0, DepositMethod::BankTransfer, 20_000, None);
        s.withdraw(t0 + Duration::hours(hours), "b", 20_000 * share / 100, "bc1qout", true);
        assert_eq!(s.fired().contains(&5), fires, "{share} % after {hours} h");
        if fires {
            let f = s.score().findings.into_iter().find(|f| f.rule == 5).unwrap();
            assert!(f.explanation.contains("does not fit a new account"), "a large first deposit: {}", f.explanation);
        }
    }
}

#[test]
fn rule_6_young_or_inexperienced_counterparties_and_third_party_payers() {
    let order = |age: i64, trades: i64, side: TradeSide, payer: &str| {
        let mut s = history();
        s.push(
            ME,
            at("2026-11-10T09:00:00Z"),
            "p",
            ActivityDetail::P2pOrder {
                order_id: "1".into(),
                side,
                asset: "USDT".into(),
                quantity: "500".into(),
                fiat_amount_minor: 50_000,
                fiat_currency: "EUR".into(),
                usd_cents: 50_000,
                counterparty: P2pCounterparty {
                    customer_id: None,
                    nickname: "nova1".into(),
                    legal_name: "Sam Park".into(),
                    account_age_days: age,
                    completed_trades: trades,
                },
                payer_name: payer.into(),
                status: TransferStatus::Completed,
            },
        );
        s.fired().contains(&6)
    };
    assert!(!order(30, 100, TradeSide::Sell, "Sam Park"), "at the thresholds");
    assert!(order(29, 100, TradeSide::Sell, "Sam Park"), "29 days old");
    assert!(order(30, 99, TradeSide::Sell, "Sam Park"), "99 trades");
    assert!(order(300, 900, TradeSide::Sell, "Maria Lopez"), "paid by a third party");
    assert!(!order(300, 900, TradeSide::Sell, "  sam   PARK "), "the same name, written differently");
    assert!(order(300, 900, TradeSide::Buy, "Maria Lopez"), "our customer's purchase paid by someone else");
    assert!(!order(300, 900, TradeSide::Buy, "Lucas Moreau"));
}

#[test]
fn rule_7_self_trades() {
    let mut s = history();
    for minute in 0..2 {
        s.push(
            ME,
            at("2026-11-10T09:00:00Z") + Duration::minutes(minute),
            "t",
            ActivityDetail::Trade {
                pair: "BTC/USDT".into(),
                side: TradeSide::Buy,
                quantity: "0.1".into(),
                price: "91000".into(),
                usd_cents: 910_000,
                counterparty_customer_id: Some(ME),
            },
        );
    }
    let f = s.score().findings.into_iter().find(|f| f.rule == 7).expect("self-trades");
    assert_eq!(f.explanation, "2 trade(s) worth 18,200 USD with itself");
}

#[test]
fn rule_8_three_deposits_just_under_10000_within_24_hours() {
    let t0 = at("2026-11-10T09:00:00Z");
    let run = |amounts: &[i64], spacing_hours: i64| {
        let mut s = history();
        for (i, usd) in amounts.iter().enumerate() {
            s.deposit(t0 + Duration::hours(i as i64 * spacing_hours), DepositMethod::BankTransfer, *usd, None);
        }
        s.fired().contains(&8)
    };
    assert!(run(&[9_000, 9_500, 9_999], 12), "inside the band, 24 h");
    assert!(!run(&[9_000, 9_500, 9_999], 13), "26 h");
    assert!(!run(&[8_999, 9_500, 9_999], 1), "one below the band");
    assert!(!run(&[9_500, 10_000, 9_999], 1), "one at the threshold");
    assert!(!run(&[9_500, 9_999], 1), "two are not enough");
}

#[test]
fn time_zones_do_not_move_windows() {
    let mut utc = history();
    utc.deposit(at("2026-11-10T09:00:00Z"), DepositMethod::Card, 1_500, Some("c"));
    utc.withdraw(at("2026-11-13T09:00:00Z"), "x", 1_000, "bc1q", true);
    let mut tokyo = history();
    tokyo.deposit(at("2026-11-10T18:00:00+09:00"), DepositMethod::Card, 1_500, Some("c"));
    tokyo.withdraw(at("2026-11-13T04:00:00-05:00"), "x", 1_000, "bc1q", true);
    assert_eq!(utc.fired(), tokyo.fired());
    assert!(utc.fired().contains(&1), "exactly 72 h in both");
}

#[test]
fn bands_follow_the_policy_thresholds() {
    let policy = defaults::risk_policy();
    assert_eq!(band(&policy, 0.0), Band::Approve);
    assert_eq!(band(&policy, 29.9), Band::Approve);
    assert_eq!(band(&policy, 30.0), Band::Review);
    assert_eq!(band(&policy, 60.0), Band::BlockAndReview);
    assert_eq!(band(&policy, 90.0), Band::Decline);
    // Rules 1 + 2 + 7 (30 + 45 + 35 = 110) decline.
    let mut s = history();
    let t0 = at("2026-11-10T09:00:00Z");
    s.deposit(t0, DepositMethod::Card, 1_500, Some("c"));
    s.security(t0 + Duration::hours(1), "a", SecurityChangeKind::Password);
    s.withdraw(t0 + Duration::hours(2), "b", 1_000, "bc1qnew", true);
    s.push(
        ME,
        t0 + Duration::hours(3),
        "t",
        ActivityDetail::Trade {
            pair: "BTC/USDT".into(),
            side: TradeSide::Sell,
            quantity: "0.1".into(),
            price: "91000".into(),
            usd_cents: 910_000,
            counterparty_customer_id: Some(ME),
        },
    );
    let scored = s.score();
    assert_eq!(scored.findings.iter().map(|f| f.rule).collect::<Vec<_>>(), vec![1, 2, 7]);
    assert_eq!(scored.score, 110.0);
    assert_eq!(scored.band, Band::Decline);
}

impl Story {
    fn dust_in(&mut self, when: DateTime<Utc>, usd_cents: i64, from: &str) -> i64 {
        self.push(
            ME,
            when,
            "d",
            ActivityDetail::Deposit {
                method: DepositMethod::Crypto,
                amount_minor: None,
                currency: None,
                asset: Some("BTC".into()),
                quantity: Some("0.00001".into()),
                usd_cents,
                card_fingerprint: None,
                card_last4: None,
                tx_hash: Some("ab".repeat(32)),
                from_address: Some(from.into()),
                card_payment: None,
                status: TransferStatus::Completed,
            },
        )
    }
    fn withdraw_screened(&mut self, when: DateTime<Utc>, address: &str, exposures: Vec<Exposure>) -> i64 {
        let screening = Screening {
            rating: arbiter_risk::screening::rating(&exposures),
            exposures,
            entity: Some("Tumbler mixing service".into()),
            source: REFERENCE_KYT.into(),
            screened_at: when,
        };
        self.push(
            ME,
            when,
            "w",
            ActivityDetail::Withdrawal {
                asset: "ETH".into(),
                quantity: "0.5".into(),
                usd_cents: 165_000,
                address: address.into(),
                network: "ERC20".into(),
                new_address: true,
                tx_hash: None,
                status: TransferStatus::Pending,
                locked_until: None,
                screening: Some(screening),
                travel_rule: None,
            },
        )
    }
}

const KNOWN: &str = "bc1q7x9f3kd8s2m4n6p8r0t2v4x6z8b0d2f4h6j8k0";

#[test]
fn rule_9_a_withdrawal_to_a_lookalike_of_a_used_address_after_dust_from_it() {
    let t0 = at("2026-11-18T09:00:00Z");
    // The same first 6 and last 5 characters after "bc1q", another middle.
    let lookalike = &format!("{}{}{}", &KNOWN[..10], "0".repeat(KNOWN.len() - 15), &KNOWN[KNOWN.len() - 5..]);
    assert_eq!(lookalike.len(), KNOWN.len());
    let mut s = history();
    let used = s.withdraw(at("2026-10-01T10:00:00Z"), "h2", 300, KNOWN, true);
    let dust = s.dust_in(t0, 3, lookalike);
    let out = s.withdraw(t0 + Duration::hours(20), "x", 800, lookalike, true);
    let f = s.score().findings.into_iter().find(|f| f.rule == 9).expect("poisoning fires");
    assert_eq!(f.event_ids, vec![used, dust, out]);
    assert!(f.explanation.contains(&format!("imitates {KNOWN} used before")), "{}", f.explanation);
    assert!(f.explanation.contains("0.03 USD came in from it 20 h before"), "{}", f.explanation);
    assert_eq!(f.weight, 50.0);

    // Without the dust it still fires (the lookalike alone), and names two events.
    let mut s = history();
    s.withdraw(at("2026-10-01T10:00:00Z"), "h2", 300, KNOWN, true);
    s.withdraw(t0, "x", 800, lookalike, true);
    assert_eq!(s.score().findings.iter().find(|f| f.rule == 9).map(|f| f.event_ids.len()), Some(2));

    // Dust from an address the customer never sends to, and a withdrawal to a known address:
    // nothing.
    let mut s = history();
    s.withdraw(at("2026-10-01T10:00:00Z"), "h2", 300, KNOWN, true);
    s.dust_in(t0, 3, lookalike);
    s.withdraw(t0 + Duration::hours(1), "x", 800, KNOWN, false);
    assert!(!s.fired().contains(&9));
}

#[test]
fn rule_9_needs_both_ends_to_match_and_the_address_to_be_new() {
    let mut s = history();
    s.withdraw(at("2026-10-01T10:00:00Z"), "h2", 300, KNOWN, true);
    // First four the same, the end different: a near miss.
    let near = format!("{}{}", &KNOWN[..8], "0".repeat(KNOWN.len() - 8));
    s.withdraw(at("2026-11-18T10:00:00Z"), "x", 800, &near, true);
    assert!(!s.fired().contains(&9));
    // Three at each end is not enough: the default wants four.
    let mut s = history();
    s.withdraw(at("2026-10-01T10:00:00Z"), "h2", 300, KNOWN, true);
    let three = format!("{}{}{}", &KNOWN[..7], "0".repeat(KNOWN.len() - 10), &KNOWN[KNOWN.len() - 3..]);
    s.withdraw(at("2026-11-18T10:00:00Z"), "x", 800, &three, true);
    assert!(!s.fired().contains(&9));
}

#[test]
fn rule_10_a_withdrawal_to_an_address_screened_high_or_severe() {
    let direct = |category| vec![Exposure { category, direct: true, share_percent: 100 }];
    for (exposures, fires) in [
        (direct(ExposureCategory::Sanctions), true),
        (direct(ExposureCategory::Mixer), true),
        (direct(ExposureCategory::StolenFunds), true),
        (direct(ExposureCategory::Gambling), false),
        (direct(ExposureCategory::Exchange), false),
        // A quarter of the funds through a sanctioned entity is high; a tenth is medium.
        (vec![Exposure { category: ExposureCategory::Sanctions, direct: false, share_percent: 25 }], true),
        (vec![Exposure { category: ExposureCategory::Sanctions, direct: false, share_percent: 10 }], false),
        (vec![Exposure { category: ExposureCategory::Mixer, direct: false, share_percent: 40 }], false),
    ] {
        let mut s = history();
        let id = s.withdraw_screened(
            at("2026-11-19T10:00:00Z"),
            "0x5a1b2c3d4e5f60718293a4b5c6d7e8f901234567",
            exposures.clone(),
        );
        let f = s.score().findings.into_iter().find(|f| f.rule == 10);
        assert_eq!(f.is_some(), fires, "{exposures:?}");
        if let Some(f) = f {
            assert_eq!(f.event_ids, vec![id]);
            assert!(f.explanation.contains("by Arbiter reference KYT"), "{}", f.explanation);
            assert_eq!(f.weight, 60.0);
        }
    }
    let mut s = history();
    s.withdraw_screened(
        at("2026-11-19T10:00:00Z"),
        "0x5a1b2c3d4e5f60718293a4b5c6d7e8f901234567",
        vec![Exposure { category: ExposureCategory::Sanctions, direct: true, share_percent: 100 }],
    );
    let f = s.score().findings.into_iter().find(|f| f.rule == 10).unwrap();
    assert!(
        f.explanation.contains("rated severe by Arbiter reference KYT: 100 % direct sanctions exposure"),
        "{}",
        f.explanation
    );
}
