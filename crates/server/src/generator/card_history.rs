//! The card payments behind chargebacks: for every chargeback case, the disputed payment as
//! the acquirer processed it (ARN, processing date, 3-D Secure, checkout device and IP,
//! billing address) and, on the same card, earlier payments shaped so that some cases meet
//! Compelling Evidence 3.0's rule and others miss it in each way it can be missed (one
//! earlier payment only, a new phone and another network, a payment disputed before, too
//! recent or too old, a new card). The ground truth says which cases meet it, from how they
//! were planted, not from the matcher.
//!
//! Planted after the case exists, from a generator of its own, so the rest of the demo data
//! stays as it was for the same seed. Payments keep clear of the risk rules: none is
//! followed by a withdrawal within 72 h (rule 1), amounts stay under the structuring band,
//! checkout devices and IPs are the customer's own.

use arbiter_contract::*;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::seq::IndexedRandom;
use rand::Rng;
use serde::Serialize;

use super::activity::{hex, own_ip, Plan, Planted};
use crate::domain::money;

/// What the generator knows of a customer's own activity when it plants a payment.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// The device and IP of the customer's first login.
    pub device: Option<(String, String, String)>,
    /// When each withdrawal was asked for, and its event.
    pub withdrawals: Vec<(DateTime<Utc>, i64)>,
    pub first_deposit: Option<DateTime<Utc>>,
    pub plan: Option<Plan>,
}

impl Profile {
    pub fn of(events: &[ActivityEvent], plan: &Plan) -> Self {
        let mut profile = Profile { plan: Some(plan.clone()), ..Profile::default() };
        for event in events {
            match &event.detail {
                ActivityDetail::Login { device_id, device, ip, success: true, .. } if profile.device.is_none() => {
                    profile.device = Some((device_id.clone(), device.clone(), ip.clone()))
                }
                // Failed ones too: nothing withdrawn should follow a card payment by chance.
                ActivityDetail::Withdrawal { .. } => profile.withdrawals.push((event.at, event.id)),
                ActivityDetail::Deposit { status, .. } if *status != TransferStatus::Failed => {
                    profile.first_deposit = Some(profile.first_deposit.map_or(event.at, |f| f.min(event.at)))
                }
                _ => {}
            }
        }
        profile
    }

    /// The first withdrawal within 72 hours after `at` (rule 1's window), if any.
    fn withdrawal_after(&self, at: DateTime<Utc>) -> Option<i64> {
        self.withdrawals.iter().filter(|(w, _)| *w > at && *w - at <= Duration::hours(72)).min().map(|(_, id)| *id)
    }
}

/// How a case's history was shaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// Two to four earlier payments in the window sharing the account and the device or IP.
    Qualifying,
    OnePriorOnly,
    /// Earlier payments in the window from another device and network (account and address
    /// only).
    NoDeviceOrIp,
    /// Two earlier payments, one of them disputed or reported as fraud.
    OneDisputed,
    /// Earlier payments too recent or too old.
    OutsideWindow,
    /// A card used for the first time.
    NewCard,
}

/// One chargeback's payments as planted.
#[derive(Debug, Clone, Serialize)]
pub struct CardDisputeTruth {
    pub case_id: i64,
    pub customer_id: i64,
    pub network: CardNetwork,
    pub reason_code: String,
    pub shape: Shape,
    /// The disputed payment (none when it could not be placed on the transaction date).
    pub payment_event_id: Option<i64>,
    /// The earlier payments planted to qualify (in the window, undisputed, sharing the account
    /// and the device or IP).
    pub qualifying_event_ids: Vec<i64>,
    /// The history meets CE 3.0's rule: two or more of those.
    pub history_matches: bool,
    /// And the reason code is one a programme covers (Visa 10.4, Mastercard 4837/4863).
    pub qualifies: bool,
}

/// What the pass adds.
#[derive(Debug, Default)]
pub struct CardHistories {
    pub truth: Vec<CardDisputeTruth>,
    /// The disputed payment followed by a withdrawal within 72 h where no hour of the
    /// transaction date avoided one: rule 1's pattern, so ground truth says so.
    pub planted: Vec<Planted>,
    pub events: usize,
    /// An open first chargeback under Visa 10.4 already meets CE 3.0.
    pub showcased: bool,
}

const STREETS: &[&str] = &["Main Street", "Harbour Road", "Station Square", "Park Lane", "Market Street", "Hill Road"];

fn billing_address<R: Rng>(rng: &mut R, customer: &Customer) -> BillingAddress {
    BillingAddress {
        line1: format!("{} {}", rng.random_range(1..240), STREETS.choose(rng).expect("streets")),
        city: super::facts::place_of(&customer.country).0.into(),
        postal_code: format!("{:05}", rng.random_range(1_000..99_999)),
        country: customer.country.clone(),
    }
}

fn arn<R: Rng>(rng: &mut R) -> String {
    // 23 digits: format code, acquirer BIN, Julian date, sequence and a check digit.
    (0..23).map(|i| if i == 0 { '7' } else { char::from(b'0' + rng.random_range(0..10u8)) }).collect()
}

/// The checkout a payment came from.
#[derive(Clone)]
struct Checkout {
    device_id: String,
    device: String,
    ip: String,
}

struct Plant<'a, R: Rng> {
    rng: &'a mut R,
    customer: &'a Customer,
    profile: &'a Profile,
    card: (String, String),
    network: CardNetwork,
    address: BillingAddress,
    not_before: Option<DateTime<Utc>>,
    next_id: &'a mut i64,
    events: Vec<ActivityEvent>,
}

impl<R: Rng> Plant<'_, R> {
    /// The account existed (and a rapid-cash-out plant's first deposit came first).
    fn possible(&self, at: DateTime<Utc>) -> bool {
        at > self.customer.created_at + Duration::hours(1) && self.not_before.is_none_or(|first| at > first)
    }

    /// The first hour on `day` (from a random start) a payment keeps clear of withdrawals.
    fn clear_time(&mut self, day: NaiveDate) -> Option<DateTime<Utc>> {
        let start = self.rng.random_range(7..20);
        let minute = self.rng.random_range(0..60);
        (0..24).map(|h| (start + h) % 24).find_map(|h| {
            let at = day.and_hms_opt(h, minute, 0)?.and_utc();
            (self.possible(at) && self.profile.withdrawal_after(at).is_none()).then_some(at)
        })
    }

    /// Any possible hour on `day`.
    fn any_time(&mut self, day: NaiveDate) -> Option<DateTime<Utc>> {
        let at = day.and_hms_opt(self.rng.random_range(8..20), 0, 0)?.and_utc();
        self.possible(at).then_some(at)
    }

    /// A login then a card payment from `checkout` at `at`; returns the payment's id and ARN.
    fn pay(&mut self, at: DateTime<Utc>, usd_cents: i64, checkout: &Checkout, flags: (bool, bool)) -> (i64, String) {
        let session = hex(self.rng, 12);
        let push = |plant: &mut Self, at: DateTime<Utc>, detail: ActivityDetail| {
            let id = *plant.next_id;
            *plant.next_id += 1;
            plant.events.push(ActivityEvent {
                id,
                customer_id: plant.customer.id,
                at,
                session_id: Some(session.clone()),
                detail,
            });
            id
        };
        push(
            self,
            at - Duration::minutes(3),
            ActivityDetail::Login {
                device_id: checkout.device_id.clone(),
                device: checkout.device.clone(),
                ip: checkout.ip.clone(),
                ip_country: self.customer.country.clone(),
                success: true,
            },
        );
        let currency = super::activity::local_currency(&self.customer.country);
        let three_ds = *[ThreeDsOutcome::Frictionless, ThreeDsOutcome::Authenticated, ThreeDsOutcome::Attempted]
            .choose(self.rng)
            .expect("3ds");
        let arn = arn(self.rng);
        let payment = CardPayment {
            network: self.network,
            arn: arn.clone(),
            authorization_code: hex(self.rng, 6).to_uppercase(),
            processed_on: at.date_naive(),
            three_ds,
            device_id: Some(checkout.device_id.clone()),
            ip: Some(checkout.ip.clone()),
            billing_address: Some(self.address.clone()),
            disputed: flags.0,
            fraud_reported: flags.1,
        };
        let id = push(
            self,
            at,
            ActivityDetail::Deposit {
                method: DepositMethod::Card,
                amount_minor: Some(money::from_usd_cents(usd_cents, currency)),
                currency: Some(currency.into()),
                asset: None,
                quantity: None,
                usd_cents,
                card_fingerprint: Some(self.card.0.clone()),
                card_last4: Some(self.card.1.clone()),
                tx_hash: None,
                from_address: None,
                card_payment: Some(payment),
                status: TransferStatus::Completed,
            },
        );
        (id, arn)
    }

    /// An earlier payment `days` before the disputed one, if the account existed then and
    /// the time keeps clear of withdrawals.
    fn prior(&mut self, disputed_on: NaiveDate, days: i64, checkout: &Checkout, flags: (bool, bool)) -> Option<i64> {
        let at = self.clear_time(disputed_on - Duration::days(days))?;
        let usd_cents = self.rng.random_range(2_000..250_000);
        Some(self.pay(at, usd_cents, checkout, flags).0)
    }
}

/// Plants the payments of one chargeback case and names the disputed one on it.
pub fn plant<R: Rng>(
    rng: &mut R,
    customer: &Customer,
    profile: &Profile,
    case: &mut Case,
    next_id: &mut i64,
    out: &mut CardHistories,
) -> Vec<ActivityEvent> {
    let open = case.status != CaseStatus::Closed;
    let Some(card) = case.card.as_mut() else { return Vec::new() };
    let rolled = match rng.random_range(0..100) {
        0..45 => Shape::Qualifying,
        45..55 => Shape::OnePriorOnly,
        55..67 => Shape::NoDeviceOrIp,
        67..77 => Shape::OneDisputed,
        77..87 => Shape::OutsideWindow,
        _ => Shape::NewCard,
    };
    // Which cases are still open varies with the day the data is generated (times are drawn
    // back from now onto calendar days), so a case the agent can answer with CE 3.0 is made
    // sure of: open first chargebacks under Visa 10.4 qualify until one does.
    let showcase = !out.showcased
        && open
        && card.stage == ChargebackStage::FirstChargeback
        && card.network == CardNetwork::Visa
        && card.reason_code == "10.4";
    let shape = if showcase { Shape::Qualifying } else { rolled };
    let own = profile.device.clone().map_or_else(
        || Checkout { device_id: hex(rng, 16), device: "iPhone 15, iOS 18".into(), ip: own_ip(customer.id, 20) },
        |(device_id, device, ip)| Checkout { device_id, device, ip },
    );
    // The same phone on another network (home broadband changed): still the device.
    let own_elsewhere = Checkout { ip: own_ip(customer.id, 22), ..own.clone() };
    // A new phone on another network: only the account and the address match.
    let other = Checkout { device_id: hex(rng, 16), device: "Pixel 8, Android 15".into(), ip: own_ip(customer.id, 21) };
    let fingerprint = hex(rng, 24);
    let address = billing_address(rng, customer);
    // A rapid-cash-out plant's first deposit must stay the first (rule 5 looks at it).
    let not_before = matches!(profile.plan, Some(Plan::Rule(5))).then_some(profile.first_deposit).flatten();
    let mut plant = Plant {
        rng,
        customer,
        profile,
        card: (fingerprint, card.card_last4.clone()),
        network: card.network,
        address,
        not_before,
        next_id,
        events: Vec::new(),
    };
    let disputed_on = card.transaction_date;
    let mut truth = CardDisputeTruth {
        case_id: case.id,
        customer_id: customer.id,
        network: card.network,
        reason_code: card.reason_code.clone(),
        shape,
        payment_event_id: None,
        qualifying_event_ids: Vec::new(),
        history_matches: false,
        qualifies: false,
    };
    // The disputed payment, clear of withdrawals where an hour of the date allows. Where none
    // does, it is rule 1's pattern and the truth says so — except on a customer planted with
    // rule 1, whose own planted deposit must stay the one rule 1 names: there the payment is
    // left off the record (the case then says its payment is unknown).
    let rule1_planted = matches!(profile.plan, Some(Plan::Rule(1)));
    let at = plant.clear_time(disputed_on).or_else(|| if rule1_planted { None } else { plant.any_time(disputed_on) });
    if let Some(at) = at {
        let (id, arn) = plant.pay(at, case.amount_usd_cents, &own, (true, false));
        card.payment_event_id = Some(id);
        card.arn = Some(arn);
        truth.payment_event_id = Some(id);
        if let Some(withdrawal) = profile.withdrawal_after(at) {
            out.planted.push(Planted {
                rule: 1,
                customer_id: customer.id,
                event_ids: vec![id, withdrawal],
                linked_customer_ids: Vec::new(),
                description: "the disputed card payment, withdrawn within 72 h".into(),
            });
        }
        let undisputed = (false, false);
        let window = |rng: &mut R| rng.random_range(125..=360);
        match shape {
            Shape::Qualifying => {
                for _ in 0..plant.rng.random_range(2..=4) {
                    let days = window(plant.rng);
                    let checkout = if plant.rng.random_bool(0.3) { &own_elsewhere } else { &own };
                    truth.qualifying_event_ids.extend(plant.prior(disputed_on, days, checkout, undisputed));
                }
            }
            Shape::OnePriorOnly => {
                let days = window(plant.rng);
                truth.qualifying_event_ids.extend(plant.prior(disputed_on, days, &own, undisputed));
                let recent = plant.rng.random_range(20..=110);
                plant.prior(disputed_on, recent, &own, undisputed);
            }
            Shape::NoDeviceOrIp => {
                for _ in 0..plant.rng.random_range(2..=3) {
                    let days = window(plant.rng);
                    plant.prior(disputed_on, days, &other, undisputed);
                }
            }
            Shape::OneDisputed => {
                let days = window(plant.rng);
                truth.qualifying_event_ids.extend(plant.prior(disputed_on, days, &own, undisputed));
                let flags = if plant.rng.random_bool(0.5) { (true, false) } else { (false, true) };
                let days = window(plant.rng);
                plant.prior(disputed_on, days, &own, flags);
            }
            Shape::OutsideWindow => {
                for _ in 0..plant.rng.random_range(2..=3) {
                    let days = if plant.rng.random_bool(0.5) {
                        plant.rng.random_range(20..=110)
                    } else {
                        plant.rng.random_range(375..=540)
                    };
                    plant.prior(disputed_on, days, &own, undisputed);
                }
            }
            Shape::NewCard => {}
        }
    }
    truth.history_matches = truth.qualifying_event_ids.len() >= arbiter_policy::compelling_evidence::PRIORS_NEEDED;
    truth.qualifies = truth.history_matches
        && arbiter_policy::compelling_evidence::programme(truth.network, &truth.reason_code).is_some();
    out.showcased |= showcase && truth.qualifies;
    out.truth.push(truth);
    out.events += plant.events.len();
    plant.events
}
