//! Address poisoning: a scammer makes an address whose first and last characters match one
//! the customer used before (wallets show addresses shortened to exactly those), sends a tiny
//! transfer from it so it shows in the customer's history, and waits for the customer to copy
//! it from there. A withdrawal to such a lookalike is almost always a mistake the customer
//! cannot undo.

use arbiter_contract::{ActivityDetail, ActivityEvent, TransferStatus};
use chrono::Duration;
use serde::{Deserialize, Serialize};
use specta::Type;

/// How a new address imitates a known one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Lookalike {
    /// The address the customer used before.
    pub imitated: String,
    /// Characters equal at the start and at the end (after the network's fixed prefix).
    pub same_start: u32,
    pub same_end: u32,
}

/// What the check found for one withdrawal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PoisoningWarning {
    pub withdrawal_id: i64,
    pub address: String,
    pub lookalike: Lookalike,
    /// The event in which the customer used the imitated address.
    pub imitated_event_id: i64,
    /// The tiny incoming transfer from the lookalike shortly before, when there was one.
    pub dust_event_id: Option<i64>,
    pub dust_usd_cents: Option<i64>,
}

/// What the check looks for; the defaults are rule 9's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PoisoningParams {
    /// Equal characters needed at each end.
    pub min_matching: usize,
    /// An incoming transfer at or under this is "dust".
    pub dust_usd_cents: i64,
    /// How long before the withdrawal the dust counts.
    pub dust_window: Duration,
}

impl PoisoningParams {
    /// Rule 9's parameters as the policy sets them.
    pub fn of_rule(rule: &arbiter_contract::RiskRule) -> Self {
        let get = |name: &str, default: f64| rule.params.get(name).copied().unwrap_or(default);
        Self {
            min_matching: get("min_matching_chars", 4.0).max(1.0) as usize,
            dust_usd_cents: (get("dust_usd", 5.0) * 100.0).round() as i64,
            dust_window: Duration::minutes((get("window_hours", 720.0) * 60.0).round() as i64),
        }
    }

    /// Rule 9's parameters in `policy`, or the defaults when it has no rule 9.
    pub fn of_policy(policy: &arbiter_contract::RiskPolicy) -> Self {
        policy.rules.iter().find(|r| r.number == 9).map(Self::of_rule).unwrap_or_default()
    }
}

impl Default for PoisoningParams {
    fn default() -> Self {
        Self { min_matching: 4, dust_usd_cents: 500, dust_window: Duration::days(30) }
    }
}

/// The part of an address a person compares, without the prefix every address of its kind
/// shares (`0x`, `bc1q`, `T` …), and whether its letters' case is meaningless (hex addresses
/// differ only in checksum case; bech32 is one case). No allocation: the check runs over a
/// customer's whole history.
fn body(address: &str) -> (&str, bool) {
    for prefix in ["0x", "bc1q", "bc1p", "tb1q", "ltc1q"] {
        if address.len() > prefix.len()
            && address.is_char_boundary(prefix.len())
            && address[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            return (&address[prefix.len()..], true);
        }
    }
    // Base58 addresses (TRON's T…, Bitcoin's 1…/3…, Solana) keep their case; only the first
    // character is fixed for TRON and legacy Bitcoin.
    match address.as_bytes().first() {
        Some(b'T' | b'1' | b'3') => (&address[1..], false),
        _ => (address, false),
    }
}

/// `candidate` imitates `known`: different addresses whose bodies agree in at least
/// `min_matching` characters at the start and at the end.
pub fn lookalike(candidate: &str, known: &str, min_matching: usize) -> Option<Lookalike> {
    if candidate.eq_ignore_ascii_case(known) {
        return None;
    }
    let ((a, fold_a), (b, fold_b)) = (body(candidate), body(known));
    if a.len() != b.len() || a.len() < 2 * min_matching + 1 {
        return None;
    }
    let fold = fold_a || fold_b;
    let same = |x: &u8, y: &u8| if fold { x.eq_ignore_ascii_case(y) } else { x == y };
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let same_start = a.iter().zip(b).take_while(|(x, y)| same(x, y)).count();
    let same_end = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| same(x, y)).count();
    (same_start >= min_matching && same_end >= min_matching && same_start + same_end < a.len()).then(|| Lookalike {
        imitated: known.to_owned(),
        same_start: same_start as u32,
        same_end: same_end as u32,
    })
}

/// Checks the withdrawal `withdrawal` against the customer's history `events` (any order):
/// is its address new and a lookalike of an address they withdrew to before, and did a tiny
/// transfer come in from it shortly before?
pub fn check(
    events: &[&ActivityEvent],
    withdrawal: &ActivityEvent,
    params: &PoisoningParams,
) -> Option<PoisoningWarning> {
    let ActivityDetail::Withdrawal { address, .. } = &withdrawal.detail else { return None };
    let earlier = || events.iter().filter(|e| (e.at, e.id) < (withdrawal.at, withdrawal.id));
    let used_before =
        earlier().any(|e| matches!(&e.detail, ActivityDetail::Withdrawal { address: a, .. } if a == address));
    if used_before {
        return None;
    }
    // The latest use of the imitated address, and the latest dust: what the customer saw.
    let (_, imitated_event, lookalike) = earlier()
        .filter_map(|e| match &e.detail {
            ActivityDetail::Withdrawal { address: known, status, .. } if *status != TransferStatus::Failed => {
                lookalike(address, known, params.min_matching).map(|l| ((e.at, e.id), e.id, l))
            }
            _ => None,
        })
        .max_by_key(|(order, _, _)| *order)?;
    let dust = earlier()
        .filter(|e| withdrawal.at - e.at <= params.dust_window)
        .filter_map(|e| match &e.detail {
            ActivityDetail::Deposit { from_address: Some(from), usd_cents, .. }
                if from == address && *usd_cents <= params.dust_usd_cents =>
            {
                Some(((e.at, e.id), (e.id, *usd_cents)))
            }
            _ => None,
        })
        .max_by_key(|(order, _)| *order)
        .map(|(_, dust)| dust);
    Some(PoisoningWarning {
        withdrawal_id: withdrawal.id,
        address: address.clone(),
        lookalike,
        imitated_event_id: imitated_event,
        dust_event_id: dust.map(|d| d.0),
        dust_usd_cents: dust.map(|d| d.1),
    })
}
