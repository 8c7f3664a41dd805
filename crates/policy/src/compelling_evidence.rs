//! Compelling evidence from the card's own history: Visa's Compelling Evidence 3.0 for
//! reason code 10.4 (card-absent fraud), and Mastercard's First-Party Trust counterpart for
//! 4837 and 4863.
//!
//! The rule (Visa Core Rules, CE 3.0, as processors such as Stripe apply it): the merchant
//! shows at least two earlier payments with the same card that were never disputed nor
//! reported as fraud, processed more than 119 and fewer than 366 days before the disputed
//! payment was, each sharing at least two data elements with the disputed one — among the
//! customer account, the IP address, the device and the billing address — one of which is
//! the IP address or the device. Mastercard's programme asks for the same shape of history
//! (a device signal and an identity signal on two earlier undisputed payments in the same
//! window); the desk applies the same test to it and says which programme it cites.
//!
//! Pure: the server's ground truth, the desk's case screen and the representment packet
//! all call this.

use std::collections::BTreeSet;
use std::ops::RangeInclusive;

use arbiter_contract::{ActivityDetail, ActivityEvent, CardDispute, CardNetwork, DepositMethod, TransferStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

/// The network programme that weighs the card's history for a dispute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Programme {
    /// Visa Compelling Evidence 3.0 (reason code 10.4).
    VisaCe3,
    /// Mastercard First-Party Trust (4837, 4863).
    MastercardFirstPartyTrust,
}

/// The programme that covers a network's reason code, if any.
pub fn programme(network: CardNetwork, reason_code: &str) -> Option<Programme> {
    match (network, reason_code.trim()) {
        (CardNetwork::Visa, "10.4") => Some(Programme::VisaCe3),
        (CardNetwork::Mastercard, "4837" | "4863") => Some(Programme::MastercardFirstPartyTrust),
        _ => None,
    }
}

/// Days before the disputed payment an earlier one must have been processed.
pub const WINDOW_DAYS: RangeInclusive<i64> = 120..=365;
/// Earlier payments that must qualify.
pub const PRIORS_NEEDED: usize = 2;
/// Data elements each of them must share with the disputed payment.
pub const ELEMENTS_NEEDED: usize = 2;

/// A data element two payments can share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Element {
    /// The customer account (user id) that paid.
    Account,
    Ip,
    /// The device id or fingerprint.
    Device,
    /// The billing (or shipping) address.
    Address,
}

impl Element {
    /// The IP and the device are the elements one match must include.
    pub fn is_device_signal(self) -> bool {
        matches!(self, Element::Ip | Element::Device)
    }
}

/// A card payment as the programmes compare it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardTransaction {
    /// The card deposit's activity event.
    pub event_id: i64,
    /// The payment credential (the card's fingerprint): only the same card counts.
    pub card: String,
    pub processed_on: NaiveDate,
    pub account: String,
    pub ip: Option<String>,
    pub device_id: Option<String>,
    /// Normalised (`BillingAddress::normalised`).
    pub address: Option<String>,
    pub disputed: bool,
    pub fraud_reported: bool,
    pub usd_cents: i64,
}

impl CardTransaction {
    /// A completed card deposit the acquirer processed; `account` is the customer's account
    /// id (every event of a customer was paid from their account).
    pub fn of_event(account: &str, event: &ActivityEvent) -> Option<Self> {
        let ActivityDetail::Deposit {
            method: DepositMethod::Card,
            card_fingerprint: Some(card),
            card_payment: Some(payment),
            usd_cents,
            status,
            ..
        } = &event.detail
        else {
            return None;
        };
        if *status == TransferStatus::Failed {
            return None;
        }
        Some(CardTransaction {
            event_id: event.id,
            card: card.clone(),
            processed_on: payment.processed_on,
            account: account.to_owned(),
            ip: payment.ip.clone(),
            device_id: payment.device_id.clone(),
            address: payment.billing_address.as_ref().map(|a| a.normalised()),
            disputed: payment.disputed,
            fraud_reported: payment.fraud_reported,
            usd_cents: *usd_cents,
        })
    }
}

/// The customer's card payments; `also_disputed` names payments other chargebacks dispute
/// (the cases the caller knows of), which count as disputed whatever the event says.
pub fn card_transactions(
    account: &str,
    events: &[ActivityEvent],
    also_disputed: &BTreeSet<i64>,
) -> Vec<CardTransaction> {
    events
        .iter()
        .filter_map(|e| CardTransaction::of_event(account, e))
        .map(|mut t| {
            t.disputed |= also_disputed.contains(&t.event_id);
            t
        })
        .collect()
}

/// The payment a chargeback disputes: the one the case names, or else the card payment with
/// the case's last four digits on the transaction date whose amount is nearest the case's.
pub fn disputed_payment<'a>(
    card: &CardDispute,
    amount_usd_cents: i64,
    events: &'a [ActivityEvent],
) -> Option<&'a ActivityEvent> {
    if let Some(id) = card.payment_event_id {
        return events.iter().find(|e| e.id == id);
    }
    events
        .iter()
        .filter(|e| match &e.detail {
            ActivityDetail::Deposit { method: DepositMethod::Card, card_last4: Some(last4), card_payment, .. } => {
                *last4 == card.card_last4
                    && card_payment.as_ref().map_or(e.at.date_naive(), |p| p.processed_on) == card.transaction_date
            }
            _ => false,
        })
        .min_by_key(|e| match &e.detail {
            ActivityDetail::Deposit { usd_cents, .. } => (usd_cents - amount_usd_cents).abs(),
            _ => i64::MAX,
        })
}

/// The data elements two payments share (present in both and equal).
pub fn shared_elements(a: &CardTransaction, b: &CardTransaction) -> Vec<Element> {
    let same = |x: &Option<String>, y: &Option<String>| match (x, y) {
        (Some(x), Some(y)) => !x.trim().is_empty() && x.trim().eq_ignore_ascii_case(y.trim()),
        _ => false,
    };
    let mut shared = Vec::new();
    if !a.account.trim().is_empty() && a.account.trim() == b.account.trim() {
        shared.push(Element::Account);
    }
    if same(&a.ip, &b.ip) {
        shared.push(Element::Ip);
    }
    if same(&a.device_id, &b.device_id) {
        shared.push(Element::Device);
    }
    if same(&a.address, &b.address) {
        shared.push(Element::Address);
    }
    shared
}

/// Why an earlier payment on the card counts or does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Qualifies,
    /// Disputed itself: never evidence.
    Disputed,
    /// Reported as fraud by the issuer: never evidence.
    FraudReported,
    /// Processed fewer than 120 days before the disputed payment.
    TooRecent,
    /// Processed more than 365 days before.
    TooOld,
    /// Shares two elements or more, but neither the IP nor the device.
    NoDeviceOrIp,
    /// Shares fewer than two elements.
    TooFewElements,
}

/// An earlier payment on the same card and what the rule makes of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PriorPayment {
    pub event_id: i64,
    pub processed_on: NaiveDate,
    /// Days between it and the disputed payment.
    pub days_before: i64,
    pub usd_cents: i64,
    pub elements: Vec<Element>,
    pub verdict: Verdict,
}

/// What keeps a case from qualifying.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Shortfall {
    /// The reason code is not one a programme covers (the history still helps the letter).
    NotCovered,
    /// The disputed payment is not in the account's history.
    DisputedPaymentUnknown,
    /// The disputed payment recorded neither an IP nor a device: nothing can match.
    DisputedLacksDeviceAndIp,
    /// Fewer earlier payments qualify than the rule needs.
    TooFewPriors { qualifying: u32, needed: u32 },
}

/// The check of one case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Check {
    pub programme: Option<Programme>,
    pub disputed_event_id: Option<i64>,
    /// The card's history meets the rule (whatever the reason code).
    pub history_matches: bool,
    /// A programme covers the code and the history meets its rule.
    pub qualifies: bool,
    /// Every earlier payment on the card, qualifying ones first (most shared elements, then
    /// newest), then the rest newest first.
    pub priors: Vec<PriorPayment>,
    pub shortfalls: Vec<Shortfall>,
}

impl Check {
    /// The qualifying earlier payments.
    pub fn qualifying(&self) -> impl Iterator<Item = &PriorPayment> {
        self.priors.iter().filter(|p| p.verdict == Verdict::Qualifies)
    }

    /// The two to cite where exactly two are asked for (Stripe's CE 3.0 block): the strongest.
    pub fn strongest_two(&self) -> Option<[&PriorPayment; 2]> {
        let mut best = self.qualifying();
        Some([best.next()?, best.next()?])
    }
}

fn verdict(prior: &CardTransaction, days_before: i64, elements: &[Element]) -> Verdict {
    if prior.disputed {
        Verdict::Disputed
    } else if prior.fraud_reported {
        Verdict::FraudReported
    } else if days_before < *WINDOW_DAYS.start() {
        Verdict::TooRecent
    } else if days_before > *WINDOW_DAYS.end() {
        Verdict::TooOld
    } else if elements.len() < ELEMENTS_NEEDED {
        Verdict::TooFewElements
    } else if !elements.iter().any(|e| e.is_device_signal()) {
        Verdict::NoDeviceOrIp
    } else {
        Verdict::Qualifies
    }
}

/// Checks a dispute against the card's history. `history` may hold any of the customer's
/// card payments (other cards, later ones and the disputed one itself are left out).
pub fn check(programme: Option<Programme>, disputed: Option<&CardTransaction>, history: &[CardTransaction]) -> Check {
    let mut shortfalls = Vec::new();
    if programme.is_none() {
        shortfalls.push(Shortfall::NotCovered);
    }
    let Some(disputed) = disputed else {
        shortfalls.push(Shortfall::DisputedPaymentUnknown);
        return Check {
            programme,
            disputed_event_id: None,
            history_matches: false,
            qualifies: false,
            priors: Vec::new(),
            shortfalls,
        };
    };
    let mut priors: Vec<PriorPayment> = history
        .iter()
        .filter(|t| {
            t.event_id != disputed.event_id && t.card == disputed.card && t.processed_on < disputed.processed_on
        })
        .map(|t| {
            let days_before = (disputed.processed_on - t.processed_on).num_days();
            let elements = shared_elements(t, disputed);
            PriorPayment {
                event_id: t.event_id,
                processed_on: t.processed_on,
                days_before,
                usd_cents: t.usd_cents,
                verdict: verdict(t, days_before, &elements),
                elements,
            }
        })
        .collect();
    priors.sort_by(|a, b| {
        let rank = |p: &PriorPayment| (p.verdict != Verdict::Qualifies, std::cmp::Reverse(p.elements.len()));
        rank(a).cmp(&rank(b)).then(b.processed_on.cmp(&a.processed_on)).then(b.event_id.cmp(&a.event_id))
    });
    let qualifying = priors.iter().filter(|p| p.verdict == Verdict::Qualifies).count();
    if disputed.ip.is_none() && disputed.device_id.is_none() {
        shortfalls.push(Shortfall::DisputedLacksDeviceAndIp);
    }
    let history_matches = qualifying >= PRIORS_NEEDED;
    if !history_matches {
        shortfalls.push(Shortfall::TooFewPriors { qualifying: qualifying as u32, needed: PRIORS_NEEDED as u32 });
    }
    Check {
        programme,
        disputed_event_id: Some(disputed.event_id),
        history_matches,
        qualifies: programme.is_some() && history_matches,
        priors,
        shortfalls,
    }
}

/// Checks a chargeback case from the customer's activity: the programme its reason code
/// falls under, the disputed payment it names and the card's history.
pub fn check_case(
    card: &CardDispute,
    amount_usd_cents: i64,
    account: &str,
    events: &[ActivityEvent],
    also_disputed: &BTreeSet<i64>,
) -> Check {
    let history = card_transactions(account, events, also_disputed);
    let disputed = disputed_payment(card, amount_usd_cents, events)
        .and_then(|e| history.iter().find(|t| t.event_id == e.id))
        .cloned();
    check(programme(card.network, &card.reason_code), disputed.as_ref(), &history)
}
