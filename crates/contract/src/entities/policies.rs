//! Policies are data: SLA targets, the escalation matrix and the risk rules' weights and
//! thresholds, versioned and served by the API, evaluated by pure functions that also run
//! offline on the desk.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{ActionPolicy, AgentId, Channel, EscalationLevel, EscalationReason, RoutingPolicy};

/// A response-time target for one channel, for regular or VIP customers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResponseTarget {
    pub channel: Channel,
    pub vip: bool,
    pub seconds: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SlaPolicy {
    pub first_response: Vec<ResponseTarget>,
    pub next_response: Vec<ResponseTarget>,
    pub resolution_seconds: i64,
    /// Chargeback responses must beat the network deadline by this many days.
    pub chargeback_margin_days: i64,
}

/// One row of the escalation matrix: when `reason` applies (beyond `threshold`, if it has
/// one), raise to `level` and send it to `target_team` (or the ticket's team).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EscalationTrigger {
    pub reason: EscalationReason,
    pub level: EscalationLevel,
    pub threshold: Option<f64>,
    pub target_team: Option<String>,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LevelTitle {
    pub level: EscalationLevel,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EscalationMatrix {
    pub levels: Vec<LevelTitle>,
    pub triggers: Vec<EscalationTrigger>,
    /// Words that make a message sensitive (legal, regulator, police, media), per language.
    pub sensitive_words: BTreeMap<String, Vec<String>>,
}

/// One fraud rule (DOMAIN.md, patterns 1–8): its weight in the score and its parameters
/// (time windows in hours, amounts in USD, ratios).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskRule {
    /// 1–8, as in DOMAIN.md.
    pub number: i64,
    pub name: String,
    pub weight: f64,
    pub params: BTreeMap<String, f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskPolicy {
    pub rules: Vec<RiskRule>,
    /// Score at or above which a customer is reviewed…
    pub review_at: f64,
    /// …blocked pending review…
    pub block_at: f64,
    /// …declined outright.
    pub decline_at: f64,
}

/// The policies in force. Every change makes a new version; old ones stay readable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PolicySet {
    pub version: i64,
    pub sla: SlaPolicy,
    pub escalation: EscalationMatrix,
    pub risk: RiskPolicy,
    /// Automatic assignment; policies written before it get the default.
    #[serde(default)]
    pub routing: RoutingPolicy,
    /// Account actions: reason codes and four-eyes; policies written before it get the default.
    #[serde(default)]
    pub actions: ActionPolicy,
    /// Answering card networks: the rebuttal letters; policies written before it get the default.
    #[serde(default)]
    pub disputes: super::DisputePolicy,
    /// Pre-dispute alerts: deadlines, the auto-refund, the fee a prevented chargeback saves;
    /// policies written before it get the default.
    #[serde(default)]
    pub alerts: super::AlertPolicy,
    pub updated_by: Option<AgentId>,
    pub updated_at: DateTime<Utc>,
}
