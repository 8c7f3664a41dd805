//! Demo pre-dispute alerts on the customers' recent card deposits: some open with their clock
//! running (a few closing), most answered by the team or by the policy's auto-refund, some
//! missed. They plant no activity (the risk rules' ground truth stays as it was) and come from
//! a generator of their own, so the rest of the seeded data is unchanged.

use std::collections::{HashMap, HashSet};

use arbiter_contract::*;
use arbiter_policy::alerts::{self as rules, CryptoWhereabouts};
use chrono::{DateTime, Duration, Utc};
use rand::seq::IndexedRandom;
use rand::Rng;

/// How far back card deposits may be alerted on.
const LOOK_BACK_DAYS: i64 = 90;

/// A card deposit an alert may be about, with where its crypto went by now.
#[derive(Debug, Clone)]
pub struct CardDeposit {
    pub customer_id: CustomerId,
    pub event_id: i64,
    pub at: DateTime<Utc>,
    pub usd_cents: i64,
    pub amount_minor: i64,
    pub currency: String,
    pub last4: String,
    pub network: CardNetwork,
    pub arn: Option<String>,
    pub crypto: CryptoWhereabouts,
}

/// The customer's completed card deposits of the last 90 days.
pub fn recent_card_deposits(events: &[ActivityEvent], now: DateTime<Utc>) -> Vec<CardDeposit> {
    events
        .iter()
        .filter(|e| e.at > now - Duration::days(LOOK_BACK_DAYS) && e.at < now - Duration::hours(2))
        .filter_map(|e| match &e.detail {
            ActivityDetail::Deposit {
                method: DepositMethod::Card,
                amount_minor: Some(amount_minor),
                currency: Some(currency),
                usd_cents,
                card_last4: Some(last4),
                card_payment,
                status: TransferStatus::Completed,
                ..
            } => Some(CardDeposit {
                customer_id: e.customer_id,
                event_id: e.id,
                at: e.at,
                usd_cents: *usd_cents,
                amount_minor: *amount_minor,
                currency: currency.clone(),
                last4: last4.clone(),
                network: card_payment.as_ref().map_or(
                    if last4.starts_with(['5', '2']) { CardNetwork::Mastercard } else { CardNetwork::Visa },
                    |p| p.network,
                ),
                arn: card_payment.as_ref().map(|p| p.arn.clone()),
                crypto: rules::whereabouts(e.at, events),
            }),
            _ => None,
        })
        .collect()
}

fn issuer_reason<R: Rng>(rng: &mut R, kind: AlertKind) -> String {
    let reasons: &[&str] = match kind {
        AlertKind::CustomerDispute => &[
            "Cardholder does not recognise the transaction",
            "Cardholder says the crypto never arrived in the account",
            "Cardholder reports being charged twice",
            "Cardholder says the amount differs from the one agreed",
        ],
        AlertKind::ConfirmedFraud => &[
            "Card reported lost or stolen",
            "Issuer confirmed account takeover of the cardholder",
            "Counterfeit card used",
            "Card details used without the cardholder's authority",
        ],
        AlertKind::OrderInsight => {
            &["Cardholder asks what the charge is for", "Cardholder asks which account was funded"]
        }
        AlertKind::RapidDisputeResolution => {
            &["Cardholder claims the payment was not authorised", "Cardholder claims the service was not provided"]
        }
    };
    (*reasons.choose(rng).expect("reasons")).to_owned()
}

/// `count` alerts (ids from 1) on deposits of customers who write to the team that answers
/// each kind, received over the deposits' following days.
pub fn make<R: Rng>(
    rng: &mut R,
    deposits: &[CardDeposit],
    customers_by_queue: &HashMap<String, HashSet<CustomerId>>,
    agents: &[Agent],
    policy: &AlertPolicy,
    now: DateTime<Utc>,
    count: usize,
) -> Vec<DisputeAlert> {
    let mut out: Vec<DisputeAlert> = Vec::new();
    let mut used: HashSet<i64> = HashSet::new();
    for _ in 0..count * 25 {
        if out.len() >= count || deposits.is_empty() {
            break;
        }
        let kind = match rng.random_range(0..100) {
            0..40 => AlertKind::CustomerDispute,
            40..60 => AlertKind::ConfirmedFraud,
            60..75 => AlertKind::OrderInsight,
            _ => AlertKind::RapidDisputeResolution,
        };
        let queue = policy.queue_for(kind).to_owned();
        let writes_in = customers_by_queue.get(&queue);
        let deposit = deposits.choose(rng).expect("deposits");
        if used.contains(&deposit.event_id) || writes_in.is_some_and(|c| !c.contains(&deposit.customer_id)) {
            continue;
        }
        // About a third still have their clock running; the rest came in over the days after
        // the deposit and were answered or missed.
        let hours = policy.hours_for(kind);
        let received_at = if rng.random_bool(0.3) {
            now - Duration::minutes(rng.random_range(5..(hours * 54).max(6)))
        } else {
            let latest = now - Duration::hours(hours + 1);
            (deposit.at + Duration::minutes(rng.random_range(24 * 60..15 * 24 * 60))).min(latest)
        };
        if received_at < deposit.at + Duration::hours(12) {
            continue;
        }
        used.insert(deposit.event_id);
        let respond_by = rules::respond_by(policy, kind, received_at);
        let id = out.len() as i64 + 1;
        let mut alert = DisputeAlert {
            id,
            kind,
            programme: kind.programme(),
            external_id: match kind.programme() {
                AlertProgramme::Ethoca => format!("ETH-{:010}", rng.random_range(0..10_000_000_000_i64)),
                AlertProgramme::Verifi => format!("VRF-{:012}", rng.random_range(0..1_000_000_000_000_i64)),
            },
            queue: queue.clone(),
            customer_id: Some(deposit.customer_id),
            payment_event_id: Some(deposit.event_id),
            network: deposit.network,
            card_last4: deposit.last4.clone(),
            arn: deposit.arn.clone(),
            amount_minor: deposit.amount_minor,
            currency: deposit.currency.clone(),
            usd_cents: deposit.usd_cents,
            transaction_at: deposit.at,
            issuer_reason: issuer_reason(rng, kind),
            received_at,
            respond_by,
            status: AlertStatus::Open,
            answer: None,
            version: 1,
        };
        let auto = rules::auto_refunds(policy, &alert, &deposit.crypto);
        let answered =
            auto || (respond_by <= now && rng.random_bool(0.8)) || (respond_by > now && rng.random_bool(0.3));
        if answered {
            let team: Vec<&Agent> = agents.iter().filter(|a| a.team == queue).collect();
            let span = ((respond_by.min(now) - received_at).num_minutes() * 4 / 5).max(2);
            let answered_at = received_at + Duration::minutes(rng.random_range(1..span));
            let outcome =
                if auto { AlertOutcome::Refunded } else { *rules::outcomes_for(kind).choose(rng).expect("outcomes") };
            alert.status = AlertStatus::Answered;
            alert.version = 2;
            alert.answer = Some(AlertAnswer {
                outcome,
                note: String::new(),
                answered_by: if auto { None } else { team.choose(rng).map(|a| a.id) },
                rule: auto.then(|| crate::domain::alerts::AUTO_REFUND_RULE.to_owned()),
                answered_at,
                refund_usd_cents: if outcome == AlertOutcome::Refunded { deposit.usd_cents } else { 0 },
            });
        } else if respond_by <= now {
            alert.status = AlertStatus::Expired;
            alert.version = 2;
        }
        out.push(alert);
    }
    out
}
