//! A chargeback's compelling evidence at a glance: whether the card's history qualifies the
//! case for Visa Compelling Evidence 3.0 (10.4) or Mastercard First-Party Trust (4837,
//! 4863), which earlier payments and elements qualify it, and what is missing — checked
//! from the local copy by `arbiter_policy::compelling_evidence`.

use std::collections::BTreeSet;

use arbiter_contract::{ActivityDetail, ActivityEvent, Case, ThreeDsOutcome};
use arbiter_policy::compelling_evidence::{self as ce, Check, PriorPayment, Programme, Shortfall};
use arbiter_text::Msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::messages::compelling as say;

/// A card payment as the case screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PaymentLine {
    pub event_id: i64,
    pub arn: String,
    pub processed_on: NaiveDate,
    pub usd_cents: i64,
    pub three_ds: ThreeDsOutcome,
    /// The checkout's device as the login before it named it, else its id.
    pub device: Option<String>,
    pub ip: Option<String>,
}

/// An earlier payment on the card and what the rule makes of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PriorLine {
    pub prior: PriorPayment,
    pub payment: PaymentLine,
}

/// What the case screen says about compelling evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct CompellingEvidence {
    pub programme: Option<Programme>,
    pub qualifies: bool,
    pub history_matches: bool,
    /// The verdict in one sentence.
    pub headline: Msg,
    /// What keeps it from qualifying.
    pub missing: Vec<Msg>,
    pub disputed: Option<PaymentLine>,
    /// Qualifying first (strongest first), then the rest.
    pub priors: Vec<PriorLine>,
}

fn programme_name(programme: Programme) -> Msg {
    Msg::new(match programme {
        Programme::VisaCe3 => &say::VISA_CE3,
        Programme::MastercardFirstPartyTrust => &say::MASTERCARD_FPT,
    })
}

fn payment_line(event: &ActivityEvent, events: &[ActivityEvent]) -> Option<PaymentLine> {
    let ActivityDetail::Deposit { card_payment: Some(p), usd_cents, .. } = &event.detail else { return None };
    // The device's name from the login of the same session, when there is one.
    let named = events.iter().find_map(|e| match &e.detail {
        ActivityDetail::Login { device_id, device, .. }
            if e.session_id.is_some()
                && e.session_id == event.session_id
                && Some(device_id) == p.device_id.as_ref() =>
        {
            Some(device.clone())
        }
        _ => None,
    });
    Some(PaymentLine {
        event_id: event.id,
        arn: p.arn.clone(),
        processed_on: p.processed_on,
        usd_cents: *usd_cents,
        three_ds: p.three_ds,
        device: named.or_else(|| p.device_id.clone()),
        ip: p.ip.clone(),
    })
}

fn headline(case: &Case, check: &Check) -> Msg {
    let card = case.card.as_ref();
    let network = card.map(|c| arbiter_contract::codec::wire_name(&c.network).to_owned()).unwrap_or_default();
    let code = card.map(|c| c.reason_code.clone()).unwrap_or_default();
    match (check.programme, check.qualifies, check.history_matches) {
        (Some(p), true, _) => {
            Msg::new(&say::QUALIFIES).msg("programme", programme_name(p)).count(check.qualifying().count())
        }
        (Some(p), false, _) => Msg::new(&say::DOES_NOT_QUALIFY).msg("programme", programme_name(p)),
        (None, _, true) => Msg::new(&say::NOT_COVERED_BUT_MATCHES).text("network", network).text("code", code),
        (None, _, false) => Msg::new(&say::NOT_COVERED).text("network", network).text("code", code),
    }
}

fn missing(check: &Check) -> Vec<Msg> {
    let mut said = Vec::new();
    for shortfall in &check.shortfalls {
        match shortfall {
            Shortfall::NotCovered => {}
            Shortfall::DisputedPaymentUnknown => said.push(Msg::new(&say::PAYMENT_UNKNOWN)),
            Shortfall::DisputedLacksDeviceAndIp => said.push(Msg::new(&say::NO_DEVICE_OR_IP)),
            Shortfall::TooFewPriors { qualifying, needed } => {
                said.push(Msg::new(&say::TOO_FEW).count(*qualifying as usize).int("needed", i64::from(*needed)));
                // The near misses, each said once, so the agent knows what to look for.
                let near = |verdict| check.priors.iter().filter(|p| p.verdict == verdict).count();
                for (verdict, def) in [
                    (ce::Verdict::NoDeviceOrIp, &say::NEAR_NO_DEVICE),
                    (ce::Verdict::TooRecent, &say::NEAR_TOO_RECENT),
                    (ce::Verdict::TooOld, &say::NEAR_TOO_OLD),
                    (ce::Verdict::Disputed, &say::NEAR_DISPUTED),
                    (ce::Verdict::FraudReported, &say::NEAR_FRAUD),
                    (ce::Verdict::TooFewElements, &say::NEAR_FEW_ELEMENTS),
                ] {
                    let n = near(verdict);
                    if n > 0 {
                        said.push(Msg::new(def).count(n));
                    }
                }
            }
        }
    }
    said
}

/// Checks a chargeback case from the customer's cached activity; none for other cases.
/// `other_disputes`: payments the customer's other chargebacks dispute.
pub fn assess(
    case: &Case,
    account: &str,
    events: &[ActivityEvent],
    other_disputes: &[i64],
) -> Option<CompellingEvidence> {
    let card = case.card.as_ref()?;
    let others: BTreeSet<i64> = other_disputes.iter().copied().collect();
    let check = ce::check_case(card, case.amount_usd_cents, account, events, &others);
    let line = |id: i64| events.iter().find(|e| e.id == id).and_then(|e| payment_line(e, events));
    let priors = check
        .priors
        .iter()
        .filter_map(|prior| Some(PriorLine { prior: prior.clone(), payment: line(prior.event_id)? }))
        .collect();
    Some(CompellingEvidence {
        programme: check.programme,
        qualifies: check.qualifies,
        history_matches: check.history_matches,
        headline: headline(case, &check),
        missing: missing(&check),
        disputed: check.disputed_event_id.and_then(line),
        priors,
    })
}
