//! Explainable fraud risk (DOMAIN.md, patterns 1–8, and 9–10 of docs/EVALUATION.md: address
//! poisoning and withdrawals to risky addresses by their screening) as pure functions over customers'
//! activity events. Each rule that fires says why, in words, and names the events behind it;
//! a customer's score is the sum of the fired rules' weights (each rule once), compared with
//! the policy's thresholds for a band. Weights, windows and thresholds come from the policy
//! data (`RiskPolicy`), so a company tunes them without a release.
//!
//! Linked accounts (pattern 4, and wash trading between linked accounts in pattern 7) need
//! every customer's identifiers: `Links` indexes devices, IP addresses, withdrawal wallets and
//! cards across customers, and can be fed incrementally as activity syncs.

pub mod evaluation;
mod links;
pub mod messages;
pub mod poisoning;
mod rules;
pub mod screening;

use arbiter_contract::{ActivityEvent, CustomerId, RiskPolicy};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

pub use arbiter_contract::LinkKind;
pub use links::{identifiers, Link, Links};
pub use rules::{category_text, exposure_text, rating_text};

/// What a score means for the customer's money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Approve,
    Review,
    BlockAndReview,
    Decline,
}

/// One rule that fired, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Finding {
    /// 1–10 (1–8 as in DOMAIN.md).
    pub rule: u8,
    pub name: String,
    /// The rule's name, to be said in the agent's language.
    pub name_text: arbiter_text::Msg,
    pub weight: f64,
    /// In words (English), with the amounts and times that matter.
    pub explanation: String,
    /// The same, to be said in the agent's language.
    pub text: arbiter_text::Msg,
    /// The events behind it, oldest first.
    pub event_ids: Vec<i64>,
    /// Other customers involved (linked accounts, the other side of a wash trade).
    pub linked_customer_ids: Vec<CustomerId>,
}

/// A customer's risk at one moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RiskScore {
    pub customer_id: CustomerId,
    pub score: f64,
    pub band: Band,
    /// By rule number.
    pub findings: Vec<Finding>,
    pub events_considered: u32,
    pub at: DateTime<Utc>,
}

/// What the rules need to know about the customer besides their events.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subject {
    pub customer_id: CustomerId,
    /// The verified (KYC) name, to check who paid in P2P purchases.
    pub legal_name: Option<String>,
}

/// The band a score falls in.
pub fn band(policy: &RiskPolicy, score: f64) -> Band {
    if score >= policy.decline_at {
        Band::Decline
    } else if score >= policy.block_at {
        Band::BlockAndReview
    } else if score >= policy.review_at {
        Band::Review
    } else {
        Band::Approve
    }
}

/// Scores one customer from their events (in any order) at `now`.
pub fn score(
    policy: &RiskPolicy,
    subject: &Subject,
    events: &[ActivityEvent],
    links: &Links,
    now: DateTime<Utc>,
) -> RiskScore {
    let mut sorted: Vec<&ActivityEvent> = events.iter().filter(|e| e.customer_id == subject.customer_id).collect();
    sorted.sort_by_key(|e| (e.at, e.id));
    let mut findings: Vec<Finding> =
        policy.rules.iter().filter_map(|rule| rules::evaluate(rule, subject, &sorted, links)).collect();
    findings.sort_by_key(|f| f.rule);
    findings.dedup_by_key(|f| f.rule);
    let score: f64 = findings.iter().map(|f| f.weight).sum();
    RiskScore {
        customer_id: subject.customer_id,
        score,
        band: band(policy, score),
        findings,
        events_considered: sorted.len() as u32,
        at: now,
    }
}
