//! Customer activity: a clean baseline for everyone, and the fraud patterns 1–8 of
//! DOMAIN.md planted on chosen customers, with the ground truth of what was planted.
//!
//! The baseline is built so that no rule's condition holds by accident (withdrawals keep
//! well clear of card deposits and security changes, logins stay in the home country,
//! devices/IPs/wallets/cards are never shared, deposits stay out of the structuring band),
//! so every positive in the ground truth was planted on purpose. Near misses ("decoys")
//! sit just outside the thresholds and are listed as such.

use std::collections::BTreeMap;

use arbiter_contract::*;
use chrono::{DateTime, Duration, Utc};
use rand::seq::IndexedRandom;
use rand::Rng;
use serde::Serialize;

use crate::domain::money;

/// What was planted on one customer.
#[derive(Debug, Clone, Serialize)]
pub struct Planted {
    pub rule: u8,
    pub customer_id: i64,
    pub event_ids: Vec<i64>,
    /// Rule 4: the other accounts sharing something.
    pub linked_customer_ids: Vec<i64>,
    pub description: String,
}

/// A near miss: looks like `rule` but stays outside its thresholds.
#[derive(Debug, Clone, Serialize)]
pub struct Decoy {
    pub near_rule: u8,
    pub customer_id: i64,
    pub event_ids: Vec<i64>,
    pub description: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct GroundTruth {
    pub seed: u64,
    pub now: DateTime<Utc>,
    pub customers: usize,
    pub events: usize,
    pub planted: Vec<Planted>,
    pub decoys: Vec<Decoy>,
    /// The addresses the reference screening knows, with their screening.
    pub addresses: Vec<super::destinations::KnownAddress>,
    /// Every chargeback's payments as planted, and whether CE 3.0's rule holds on them.
    pub card_disputes: Vec<super::card_history::CardDisputeTruth>,
}

/// What a customer gets planted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    Clean,
    Rule(u8),
    Decoy(u8),
    /// Rule 4: a member of a cluster sharing `shared` with `others`.
    Linked {
        shared: Shared,
        others: Vec<i64>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shared {
    Device { id: String, desc: &'static str },
    Ip(String),
    Wallet { asset: &'static str, network: &'static str, address: String },
    Card { fingerprint: String, last4: String },
}

const DEVICES: &[&str] = &[
    "iPhone 15, iOS 18",
    "iPhone 13, iOS 17",
    "Pixel 8, Android 15",
    "Samsung Galaxy S24, Android 14",
    "Xiaomi 14, Android 14",
    "Windows 11, Chrome 131",
    "MacBook Air, Safari 18",
    "Ubuntu 24.04, Firefox 133",
];
const FOREIGN: &[&str] = &["RU", "NG", "VN", "BR", "UA", "ID", "PK", "RO"];
const HEX: &[u8] = b"0123456789abcdef";

pub(super) fn hex<R: Rng>(rng: &mut R, len: usize) -> String {
    (0..len).map(|_| *HEX.choose(rng).expect("hex") as char).collect()
}

pub(super) fn wallet<R: Rng>(rng: &mut R) -> (&'static str, &'static str, String) {
    let kind = rng.random_range(0..3);
    wallet_of(rng, kind)
}

/// A wallet of one kind: 0 Bitcoin, 1 Ethereum (ERC20), 2 USDT on TRON.
pub(super) fn wallet_of<R: Rng>(rng: &mut R, kind: usize) -> (&'static str, &'static str, String) {
    match kind {
        0 => ("BTC", "Bitcoin", format!("bc1q{}", hex(rng, 38))),
        1 => ("ETH", "ERC20", format!("0x{}", hex(rng, 40))),
        _ => ("USDT", "TRC20", format!("T{}", hex(rng, 33))),
    }
}

pub(super) fn price_of(asset: &str) -> f64 {
    match asset {
        "BTC" => 91_000.0,
        "ETH" => 3_300.0,
        "SOL" => 180.0,
        _ => 1.0,
    }
}

/// A unique public-looking IP per (customer, device index): never shared by accident.
pub(super) fn own_ip(customer_id: i64, k: i64) -> String {
    format!("{}.{}.{}.{}", 11 + (customer_id / 65_536) % 200, (customer_id / 256) % 256, customer_id % 256, 10 + k)
}

/// Builds one customer's timeline.
struct Timeline<'a, R: Rng> {
    rng: &'a mut R,
    customer: &'a Customer,
    events: Vec<(DateTime<Utc>, Option<String>, ActivityDetail)>,
    devices: Vec<(String, &'static str, String)>,
    wallets: Vec<(&'static str, &'static str, String)>,
    card: Option<(String, String)>,
    balance_usd: f64,
}

impl<'a, R: Rng> Timeline<'a, R> {
    fn new(rng: &'a mut R, customer: &'a Customer) -> Self {
        let devices = (0..rng.random_range(1..=2))
            .map(|k| (hex(rng, 16), *DEVICES.choose(rng).expect("devices"), own_ip(customer.id, k)))
            .collect();
        let wallets = (0..rng.random_range(1..=2)).map(|_| wallet(rng)).collect();
        let card = rng.random_bool(0.45).then(|| (hex(rng, 24), format!("{:04}", rng.random_range(0..10_000))));
        Self { rng, customer, events: Vec::new(), devices, wallets, card, balance_usd: 0.0 }
    }

    fn push(&mut self, at: DateTime<Utc>, session: Option<&str>, detail: ActivityDetail) -> usize {
        self.events.push((at, session.map(str::to_owned), detail));
        self.events.len() - 1
    }

    /// A login from device `k` in the home country; returns the session id.
    fn login(&mut self, at: DateTime<Utc>, k: usize) -> (String, usize) {
        let session = hex(self.rng, 12);
        let (device_id, device, ip) = self.devices[k].clone();
        let index = self.push(
            at,
            Some(&session),
            ActivityDetail::Login {
                device_id,
                device: device.into(),
                ip,
                ip_country: self.customer.country.clone(),
                success: true,
            },
        );
        (session, index)
    }

    fn deposit(&mut self, at: DateTime<Utc>, session: &str, method: DepositMethod, usd: f64) -> usize {
        self.balance_usd += usd;
        let usd_cents = (usd * 100.0).round() as i64;
        let detail = match method {
            DepositMethod::Crypto => {
                let (asset, _, _) = self.wallets[0].clone();
                let tx_hash = hex(self.rng, 64);
                // The sender's address, from the hash: no draw of its own, so the seed's
                // sequence (and every demo customer after this one) stays as it was.
                let from_address = Some(super::destinations::sender_of(asset, &tx_hash));
                ActivityDetail::Deposit {
                    from_address,
                    card_payment: None,
                    method,
                    amount_minor: None,
                    currency: None,
                    asset: Some(asset.into()),
                    quantity: Some(format!("{:.6}", usd / price_of(asset))),
                    usd_cents,
                    card_fingerprint: None,
                    card_last4: None,
                    tx_hash: Some(tx_hash),
                    status: TransferStatus::Completed,
                }
            }
            _ => {
                let currency = local_currency(&self.customer.country);
                let card = (method == DepositMethod::Card).then(|| self.card.clone()).flatten();
                ActivityDetail::Deposit {
                    method,
                    amount_minor: Some(money::from_usd_cents(usd_cents, currency)),
                    currency: Some(currency.into()),
                    asset: None,
                    quantity: None,
                    usd_cents,
                    card_fingerprint: card.as_ref().map(|c| c.0.clone()),
                    card_last4: card.map(|c| c.1),
                    tx_hash: None,
                    from_address: None,
                    card_payment: None,
                    status: TransferStatus::Completed,
                }
            }
        };
        self.push(at, Some(session), detail)
    }

    fn withdraw(
        &mut self,
        at: DateTime<Utc>,
        session: &str,
        usd: f64,
        to: (&'static str, &'static str, String),
        new_address: bool,
    ) -> usize {
        self.balance_usd = (self.balance_usd - usd).max(0.0);
        let (asset, network, address) = to;
        let tx_hash = hex(self.rng, 64);
        let usd_cents = (usd * 100.0).round() as i64;
        self.push(
            at,
            Some(session),
            ActivityDetail::Withdrawal {
                asset: asset.into(),
                quantity: format!("{:.6}", usd / price_of(asset)),
                usd_cents,
                address,
                network: network.into(),
                new_address,
                tx_hash: Some(tx_hash),
                status: TransferStatus::Completed,
                locked_until: None,
                screening: Some(super::destinations::clean(at)),
                travel_rule: Some(super::destinations::self_hosted(usd_cents, true)),
            },
        )
    }

    fn trade(
        &mut self,
        at: DateTime<Utc>,
        session: &str,
        side: TradeSide,
        usd: f64,
        counterparty: Option<i64>,
    ) -> usize {
        let base = *["BTC", "ETH", "SOL"].choose(self.rng).expect("assets");
        let price = price_of(base) * self.rng.random_range(0.97..1.03);
        self.push(
            at,
            Some(session),
            ActivityDetail::Trade {
                pair: format!("{base}/USDT"),
                side,
                quantity: format!("{:.6}", usd / price),
                price: format!("{price:.2}"),
                usd_cents: (usd * 100.0).round() as i64,
                counterparty_customer_id: counterparty,
            },
        )
    }

    fn security(&mut self, at: DateTime<Utc>, session: &str, change: SecurityChangeKind, k: usize) -> usize {
        let (device_id, _, ip) = self.devices[k].clone();
        self.push(
            at,
            Some(session),
            ActivityDetail::SecurityChange { change, device_id, ip, ip_country: self.customer.country.clone() },
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn p2p(
        &mut self,
        at: DateTime<Utc>,
        session: &str,
        side: TradeSide,
        usd: f64,
        age_days: i64,
        trades: i64,
        payer: Option<String>,
    ) -> usize {
        let currency = local_currency(&self.customer.country);
        let counterparty_name = format!(
            "{} {}",
            ["Alex", "Sam", "Jordan", "Chris", "Robin", "Kim"].choose(self.rng).expect("n"),
            ["Silva", "Ng", "Novak", "Okafor", "Meyer", "Park"].choose(self.rng).expect("n")
        );
        let expected_payer = match side {
            TradeSide::Sell => counterparty_name.clone(),
            TradeSide::Buy => self.customer.legal_name.clone().unwrap_or_else(|| self.customer.name.clone()),
        };
        let usd_cents = (usd * 100.0).round() as i64;
        let order_id = format!("{}", self.rng.random_range(7_000_000_000u64..7_999_999_999));
        let nickname = format!(
            "{}{}",
            ["swift", "trusty", "blue", "nova", "prime"].choose(self.rng).expect("n"),
            self.rng.random_range(10..9999)
        );
        self.push(
            at,
            Some(session),
            ActivityDetail::P2pOrder {
                order_id,
                side,
                asset: "USDT".into(),
                quantity: format!("{usd:.2}"),
                fiat_amount_minor: money::from_usd_cents(usd_cents, currency),
                fiat_currency: currency.into(),
                usd_cents,
                counterparty: P2pCounterparty {
                    customer_id: None,
                    nickname,
                    legal_name: counterparty_name,
                    account_age_days: age_days,
                    completed_trades: trades,
                },
                payer_name: payer.unwrap_or(expected_payer),
                status: TransferStatus::Completed,
            },
        )
    }
}

pub fn local_currency(country: &str) -> &'static str {
    match country {
        "DE" | "AT" | "FR" | "BE" | "ES" | "PT" | "IE" | "IT" | "NL" | "FI" => "EUR",
        "GB" => "GBP",
        "CH" => "CHF",
        "BR" => "BRL",
        "TR" => "TRY",
        "JP" => "JPY",
        "KR" => "KRW",
        "VN" => "VND",
        "MX" => "MXN",
        "AU" => "AUD",
        "CA" => "CAD",
        "IN" => "INR",
        "SG" => "SGD",
        "HK" => "HKD",
        "TW" => "TWD",
        "ZA" => "ZAR",
        "NG" => "NGN",
        "RU" => "RUB",
        "KZ" => "KZT",
        "AR" => "ARS",
        "CO" => "COP",
        "CL" => "CLP",
        "PE" => "PEN",
        "PH" => "PHP",
        "MA" => "MAD",
        "SN" => "XOF",
        _ => "USD",
    }
}

/// Baseline amounts stay out of the structuring band (8,500–10,000 USD).
fn baseline_amount<R: Rng>(rng: &mut R, max: f64) -> f64 {
    let usd: f64 = rng.random_range(20.0..max);
    if (8_500.0..10_000.0).contains(&usd) {
        usd - 2_000.0
    } else {
        usd.round()
    }
}

/// The customer's ordinary life on the exchange: sessions at least two days apart, trades,
/// some deposits and withdrawals, the occasional password change.
fn baseline<R: Rng>(t: &mut Timeline<'_, R>, start: DateTime<Utc>, end: DateTime<Utc>) {
    let span_days = (end - start).num_days().max(3);
    let sessions = t.rng.random_range(3..=9).min(span_days / 2).max(1);
    let mut at = start + Duration::hours(t.rng.random_range(1..24));
    let mut last_card_deposit: Option<DateTime<Utc>> = None;
    let mut last_security: Option<DateTime<Utc>> = None;
    let mut first_deposit: Option<DateTime<Utc>> = None;
    let step = (span_days * 24 / (sessions + 1)).max(48);
    for s in 0..sessions {
        if at >= end {
            break;
        }
        let k = if t.devices.len() > 1 && t.rng.random_bool(0.3) { 1 } else { 0 };
        let (session, _) = t.login(at, k);
        let mut clock = at + Duration::minutes(t.rng.random_range(1..5));
        if s == 0 || t.rng.random_bool(0.35) {
            let method = match (t.card.is_some(), t.rng.random_range(0..3)) {
                (true, 0) => DepositMethod::Card,
                (_, 1) => DepositMethod::Crypto,
                _ => DepositMethod::BankTransfer,
            };
            // First deposits fit the profile: at most 5,000 USD.
            let usd = baseline_amount(t.rng, if first_deposit.is_none() { 5_000.0 } else { 8_000.0 });
            t.deposit(clock, &session, method, usd);
            if method == DepositMethod::Card {
                last_card_deposit = Some(clock);
            }
            first_deposit.get_or_insert(clock);
            clock += Duration::minutes(t.rng.random_range(2..20));
        }
        for _ in 0..t.rng.random_range(0..=3) {
            let side = if t.rng.random_bool(0.5) { TradeSide::Buy } else { TradeSide::Sell };
            let usd = baseline_amount(t.rng, 3_000.0);
            t.trade(clock, &session, side, usd, None);
            clock += Duration::minutes(t.rng.random_range(1..15));
        }
        // Withdrawals stay 4+ days clear of card deposits, 2+ days of security changes and
        // 7+ days of the first deposit, and take at most half the balance.
        let clear = |since: Option<DateTime<Utc>>, hours: i64| since.is_none_or(|s| clock - s > Duration::hours(hours));
        if t.rng.random_bool(0.3)
            && t.balance_usd > 100.0
            && clear(last_card_deposit, 96)
            && clear(last_security, 48)
            && clear(first_deposit, 24 * 7)
        {
            let usd = (t.balance_usd * t.rng.random_range(0.1..0.5)).round();
            let to = t.wallets.choose(t.rng).expect("wallets").clone();
            t.withdraw(clock, &session, usd, to, false);
        } else if t.rng.random_bool(0.08) {
            let change = *[SecurityChangeKind::Password, SecurityChangeKind::TwoFactor].choose(t.rng).expect("kinds");
            t.security(clock, &session, change, k);
            last_security = Some(clock);
        }
        if t.rng.random_bool(0.12) {
            let side = if t.rng.random_bool(0.5) { TradeSide::Buy } else { TradeSide::Sell };
            let usd = baseline_amount(t.rng, 2_000.0);
            let (age, trades) = (t.rng.random_range(200..2_000), t.rng.random_range(300..5_000));
            t.p2p(clock + Duration::minutes(3), &session, side, usd, age, trades, None);
        }
        at += Duration::hours(step + t.rng.random_range(0..24));
    }
}

/// Generates the customer's events (ids from `next_id`), planting `plan`.
/// Withdrawals still waiting when the data is made: asked for in the last half hour, or in
/// the 24 h lock after a security change that has not run out yet (not broadcast: no hash).
fn still_pending(detail: &mut ActivityDetail, at: DateTime<Utc>, locks: &[DateTime<Utc>], now: DateTime<Utc>) {
    let ActivityDetail::Withdrawal { status, tx_hash, locked_until, .. } = detail else { return };
    let lock = locks.iter().filter(|change| **change <= at && **change + Duration::hours(24) > now).max();
    if at > now - Duration::minutes(30) || lock.is_some() {
        *status = TransferStatus::Pending;
        *tx_hash = None;
        *locked_until = lock.map(|change| *change + Duration::hours(24));
    }
}

pub fn customer_activity<R: Rng>(
    rng: &mut R,
    customer: &Customer,
    plan: &Plan,
    now: DateTime<Utc>,
    next_id: &mut i64,
) -> (Vec<ActivityEvent>, Option<Planted>, Option<Decoy>) {
    let start = customer.created_at.max(now - Duration::days(120));
    // Planted episodes happen in the last 20 days, after the baseline.
    let episode = now - Duration::days(rng.random_range(2..20)) - Duration::hours(rng.random_range(0..20));
    let baseline_end = if *plan == Plan::Clean { now - Duration::hours(1) } else { episode - Duration::days(8) };
    let mut t = Timeline::new(rng, customer);
    if *plan != Plan::Rule(5) {
        baseline(&mut t, start, baseline_end.max(start + Duration::days(1)));
    }
    let mut marked: Vec<usize> = Vec::new();
    let mut linked = Vec::new();
    let mut description = String::new();
    let mut decoy: Option<(u8, String)> = None;
    let at = episode;
    match plan {
        Plan::Clean => {}
        Plan::Rule(1) => {
            let (s, _) = t.login(at, 0);
            if t.card.is_none() {
                t.card = Some((hex(t.rng, 24), format!("{:04}", t.rng.random_range(0..10_000))));
            }
            let usd = t.rng.random_range(600.0..4_500.0_f64).round();
            marked.push(t.deposit(at + Duration::minutes(3), &s, DepositMethod::Card, usd));
            let later = at + Duration::hours(t.rng.random_range(3..68));
            let (s2, _) = t.login(later, 0);
            let out = (usd * t.rng.random_range(0.6..0.75)).round();
            let (asset, network, address) = wallet(t.rng);
            marked.push(t.withdraw(later + Duration::minutes(4), &s2, out, (asset, network, address), true));
            description = format!("card deposit of {usd} USD withdrawn to an external address within 72 h");
        }
        Plan::Rule(2) => {
            // Half the takeovers are still going on: the withdrawal waits out the 24 h lock
            // after the security change (pending), for the desk to stop.
            let at = if customer.id % 2 == 0 { now - Duration::hours(22) } else { at };
            let (s, _) = t.login(at, 0);
            let change = *[
                SecurityChangeKind::Password,
                SecurityChangeKind::TwoFactor,
                SecurityChangeKind::Email,
                SecurityChangeKind::Phone,
            ]
            .choose(t.rng)
            .expect("kinds");
            marked.push(t.security(at + Duration::minutes(2), &s, change, 0));
            let later = at + Duration::hours(t.rng.random_range(1..20));
            let (s2, _) = t.login(later, 0);
            let out = (t.balance_usd.max(300.0) * t.rng.random_range(0.5..0.9)).round();
            let (asset, network, address) = wallet(t.rng);
            marked.push(t.withdraw(later + Duration::minutes(5), &s2, out, (asset, network, address), true));
            description = format!("{change:?} changed, then a withdrawal to a new address within 24 h");
        }
        Plan::Rule(3) => {
            let session = hex(t.rng, 12);
            let foreign =
                *FOREIGN.iter().filter(|c| **c != customer.country).collect::<Vec<_>>().choose(t.rng).expect("f");
            let device_id = hex(t.rng, 16);
            let ip = format!(
                "{}.{}.{}.{}",
                t.rng.random_range(150..200),
                t.rng.random_range(0..256),
                t.rng.random_range(0..256),
                t.rng.random_range(1..255)
            );
            marked.push(t.push(
                at,
                Some(&session),
                ActivityDetail::Login {
                    device_id: device_id.clone(),
                    device: "Windows 10, Chrome 120".into(),
                    ip: ip.clone(),
                    ip_country: foreign.to_string(),
                    success: true,
                },
            ));
            let (asset, network, address) = wallet(t.rng);
            marked.push(t.push(
                at + Duration::minutes(4),
                Some(&session),
                ActivityDetail::SecurityChange {
                    change: SecurityChangeKind::WithdrawalAddress,
                    device_id,
                    ip,
                    ip_country: foreign.to_string(),
                },
            ));
            let out = (t.balance_usd.max(250.0) * 0.9).round();
            marked.push(t.withdraw(at + Duration::minutes(9), &session, out, (asset, network, address), true));
            description = format!("new device from {foreign}, new withdrawal address and a withdrawal in one session");
        }
        Plan::Rule(5) => {
            let first = customer.created_at.max(now - Duration::days(10)) + Duration::hours(2);
            let at = first.min(now - Duration::days(1));
            let (s, _) = t.login(at, 0);
            let usd = t.rng.random_range(12_000.0..40_000.0_f64).round();
            let method = if t.rng.random_bool(0.5) { DepositMethod::BankTransfer } else { DepositMethod::Crypto };
            marked.push(t.deposit(at + Duration::minutes(5), &s, method, usd));
            let later = at + Duration::hours(t.rng.random_range(2..20));
            let (s2, _) = t.login(later, 0);
            let out = (usd * t.rng.random_range(0.85..1.0)).round();
            let to = t.wallets[0].clone();
            marked.push(t.withdraw(later + Duration::minutes(3), &s2, out, to, true));
            description = format!("first deposit of {usd} USD, {:.0} % withdrawn within 24 h", out / usd * 100.0);
        }
        Plan::Rule(6) => {
            let (s, _) = t.login(at, 0);
            let usd = t.rng.random_range(200.0..3_000.0_f64).round();
            if t.rng.random_bool(0.5) {
                let (age, trades) = if t.rng.random_bool(0.5) {
                    (t.rng.random_range(1..29), t.rng.random_range(150..900))
                } else {
                    (t.rng.random_range(60..900), t.rng.random_range(0..99))
                };
                marked.push(t.p2p(at + Duration::minutes(6), &s, TradeSide::Sell, usd, age, trades, None));
                description = format!("P2P sale to a counterparty {age} days old with {trades} trades");
            } else {
                let payer = format!(
                    "{} {}",
                    ["Maria", "John", "Wei", "Olena", "Ahmed"].choose(t.rng).expect("n"),
                    ["Lopez", "Smith", "Zhang", "Kovalenko", "Hassan"].choose(t.rng).expect("n")
                );
                let (age, trades) = (t.rng.random_range(200..900), t.rng.random_range(300..900));
                marked.push(t.p2p(
                    at + Duration::minutes(6),
                    &s,
                    TradeSide::Sell,
                    usd,
                    age,
                    trades,
                    Some(payer.clone()),
                ));
                description = format!("P2P sale paid by {payer}, not the buyer");
            }
        }
        Plan::Rule(7) => {
            let (s, _) = t.login(at, 0);
            let usd = t.rng.random_range(2_000.0..20_000.0_f64).round();
            for i in 0..t.rng.random_range(2..=4) {
                let side = if i % 2 == 0 { TradeSide::Buy } else { TradeSide::Sell };
                marked.push(t.trade(at + Duration::minutes(2 + i), &s, side, usd, Some(customer.id)));
            }
            description = format!("self-trades of about {usd} USD");
        }
        Plan::Rule(8) => {
            let count = t.rng.random_range(3..=5);
            for i in 0..count {
                let when = at + Duration::hours(i * t.rng.random_range(3..6));
                let (s, _) = t.login(when, 0);
                let usd = t.rng.random_range(9_050.0..9_990.0_f64).round();
                marked.push(t.deposit(when + Duration::minutes(2), &s, DepositMethod::BankTransfer, usd));
            }
            description = format!("{count} deposits just under 10,000 USD within 24 h");
        }
        Plan::Linked { shared, others } => {
            let (s, _) = match shared {
                Shared::Device { id, desc } => {
                    let session = hex(t.rng, 12);
                    let ip = own_ip(customer.id, 7);
                    let index = t.push(
                        at,
                        Some(&session),
                        ActivityDetail::Login {
                            device_id: id.clone(),
                            device: desc.to_string(),
                            ip,
                            ip_country: customer.country.clone(),
                            success: true,
                        },
                    );
                    marked.push(index);
                    (session, index)
                }
                Shared::Ip(ip) => {
                    let session = hex(t.rng, 12);
                    let device_id = t.devices[0].0.clone();
                    let index = t.push(
                        at,
                        Some(&session),
                        ActivityDetail::Login {
                            device_id,
                            device: t.devices[0].1.into(),
                            ip: ip.clone(),
                            ip_country: customer.country.clone(),
                            success: true,
                        },
                    );
                    marked.push(index);
                    (session, index)
                }
                Shared::Wallet { .. } | Shared::Card { .. } => t.login(at, 0),
            };
            match shared {
                Shared::Wallet { asset, network, address } => {
                    let out = (t.balance_usd.max(200.0) * 0.3).round();
                    marked.push(t.withdraw(
                        at + Duration::minutes(5),
                        &s,
                        out,
                        (asset, network, address.clone()),
                        true,
                    ));
                }
                Shared::Card { fingerprint, last4 } => {
                    t.card = Some((fingerprint.clone(), last4.clone()));
                    let usd = t.rng.random_range(100.0..900.0_f64).round();
                    marked.push(t.deposit(at + Duration::minutes(5), &s, DepositMethod::Card, usd));
                }
                _ => {}
            }
            linked = others.clone();
            description = format!(
                "shares a {} with {} other account(s)",
                match shared {
                    Shared::Device { .. } => "device",
                    Shared::Ip(_) => "IP address",
                    Shared::Wallet { .. } => "withdrawal wallet",
                    Shared::Card { .. } => "card",
                },
                others.len()
            );
        }
        Plan::Decoy(rule) => {
            let (s, _) = t.login(at, 0);
            match rule {
                1 => {
                    if t.card.is_none() {
                        t.card = Some((hex(t.rng, 24), format!("{:04}", t.rng.random_range(0..10_000))));
                    }
                    let usd = t.rng.random_range(400.0..3_000.0_f64).round();
                    marked.push(t.deposit(at + Duration::minutes(3), &s, DepositMethod::Card, usd));
                    let later = at + Duration::hours(t.rng.random_range(80..110));
                    let (s2, _) = t.login(later, 0);
                    let to = t.wallets[0].clone();
                    marked.push(t.withdraw(later + Duration::minutes(4), &s2, (usd * 0.4).round(), to, false));
                    decoy = Some((1, "card deposit withdrawn only after 80+ hours".into()));
                }
                2 => {
                    marked.push(t.security(at + Duration::minutes(2), &s, SecurityChangeKind::Password, 0));
                    let later = at + Duration::hours(t.rng.random_range(30..60));
                    let (s2, _) = t.login(later, 0);
                    let to = t.wallets[0].clone();
                    let out = (t.balance_usd.max(100.0) * 0.3).round();
                    marked.push(t.withdraw(later + Duration::minutes(4), &s2, out, to, false));
                    decoy = Some((2, "password change, withdrawal to a known address 30+ hours later".into()));
                }
                _ => {
                    for i in 0..3 {
                        let when = at + Duration::hours(i * 4);
                        let (s, _) = t.login(when, 0);
                        let usd = t.rng.random_range(3_000.0..7_000.0_f64).round();
                        marked.push(t.deposit(when + Duration::minutes(2), &s, DepositMethod::BankTransfer, usd));
                    }
                    decoy = Some((8, "three deposits in a day, far below the reporting threshold".into()));
                }
            }
        }
        Plan::Rule(other) => unreachable!("no plant for rule {other}"),
    }

    // Order by time and number the events.
    let mut order: Vec<usize> = (0..t.events.len()).collect();
    order.sort_by_key(|&i| (t.events[i].0, i));
    let mut ids = vec![0i64; t.events.len()];
    let mut out = Vec::with_capacity(order.len());
    let locks: Vec<DateTime<Utc>> = t
        .events
        .iter()
        .filter(|(_, _, d)| matches!(d, ActivityDetail::SecurityChange { .. }))
        .map(|(at, _, _)| *at)
        .collect();
    for index in order {
        let (at, session, mut detail) = t.events[index].clone();
        still_pending(&mut detail, at, &locks, now);
        let id = *next_id;
        *next_id += 1;
        ids[index] = id;
        out.push(ActivityEvent { id, customer_id: customer.id, at, session_id: session, detail });
    }
    let mut event_ids: Vec<i64> = marked.iter().map(|&i| ids[i]).collect();
    event_ids.sort_unstable();
    let planted = match plan {
        Plan::Rule(rule) => Some(Planted {
            rule: *rule,
            customer_id: customer.id,
            event_ids: event_ids.clone(),
            linked_customer_ids: vec![],
            description,
        }),
        Plan::Linked { .. } => Some(Planted {
            rule: 4,
            customer_id: customer.id,
            event_ids: event_ids.clone(),
            linked_customer_ids: linked,
            description,
        }),
        _ => None,
    };
    let decoy =
        decoy.map(|(near_rule, description)| Decoy { near_rule, customer_id: customer.id, event_ids, description });
    (out, planted, decoy)
}

/// Chooses who gets what: about 0.8 % of customers per rule, rule-4 clusters of 2–4, and
/// some decoys. Customers too new for a baseline (rule 5 needs new accounts) are matched
/// to the rules that fit them.
pub fn plan_customers<R: Rng>(rng: &mut R, customers: &[Customer], now: DateTime<Utc>) -> BTreeMap<i64, Plan> {
    let mut plans = BTreeMap::new();
    let per_rule = (customers.len() / 120).max(2);
    let mut pool: Vec<&Customer> = customers.iter().collect();
    // Deterministic shuffle.
    for i in (1..pool.len()).rev() {
        let j = rng.random_range(0..=i);
        pool.swap(i, j);
    }
    let young: Vec<i64> = pool.iter().filter(|c| now - c.created_at < Duration::days(12)).map(|c| c.id).collect();
    let mut used = std::collections::BTreeSet::new();
    for id in young.iter().take(per_rule) {
        plans.insert(*id, Plan::Rule(5));
        used.insert(*id);
    }
    let mut rest =
        pool.iter().filter(|c| !used.contains(&c.id) && now - c.created_at > Duration::days(60)).map(|c| c.id);
    for rule in [1u8, 2, 3, 6, 7, 8] {
        for _ in 0..per_rule {
            if let Some(id) = rest.next() {
                plans.insert(id, Plan::Rule(rule));
            }
        }
    }
    let mut clusters = 0;
    while clusters < per_rule / 2 + 1 {
        let size = rng.random_range(2..=4);
        let members: Vec<i64> = rest.by_ref().take(size).collect();
        if members.len() < 2 {
            break;
        }
        let shared = match rng.random_range(0..4) {
            0 => Shared::Device { id: hex(rng, 16), desc: DEVICES.choose(rng).expect("d") },
            1 => Shared::Ip(format!(
                "{}.{}.{}.{}",
                rng.random_range(100..120),
                rng.random_range(0..256),
                rng.random_range(0..256),
                rng.random_range(1..255)
            )),
            2 => {
                let (asset, network, address) = wallet(rng);
                Shared::Wallet { asset, network, address }
            }
            _ => Shared::Card { fingerprint: hex(rng, 24), last4: format!("{:04}", rng.random_range(0..10_000)) },
        };
        for &id in &members {
            let others = members.iter().copied().filter(|m| *m != id).collect();
            plans.insert(id, Plan::Linked { shared: shared.clone(), others });
        }
        clusters += 1;
    }
    for rule in [1u8, 2, 8] {
        for _ in 0..per_rule / 2 {
            if let Some(id) = rest.next() {
                plans.insert(id, Plan::Decoy(rule));
            }
        }
    }
    plans
}
