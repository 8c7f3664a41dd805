use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{AgentId, CaseId, CustomerId, TicketId};

/// The escalation matrix's levels: L0 agent → L1 team lead → L2 operations manager →
/// L3 head of support / compliance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EscalationLevel {
    #[default]
    L0,
    L1,
    L2,
    L3,
}

/// Why something was escalated (the matrix's triggers, or an agent's judgement).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EscalationReason {
    SlaBreach,
    /// Still breached after twice the target.
    SlaBreachProlonged,
    /// Amount in dispute at or above the matrix's threshold.
    HighValueDispute,
    VipCustomer,
    /// Legal, regulator, police or media words in a customer message.
    SensitiveLanguage,
    /// Third contact on the same issue within 7 days.
    RepeatContact,
    /// Fraud score at decline level.
    FraudScore,
    /// A chargeback due within 48 h and unanswered.
    ChargebackDeadline,
    /// An agent escalated by hand.
    Manual,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EscalationStatus {
    /// Raised; nobody has taken it yet.
    Open,
    /// Someone took it.
    Acknowledged,
    /// The matter was dealt with.
    Resolved,
}

/// A matter raised up the escalation matrix. It stays open until someone takes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Escalation {
    pub id: i64,
    pub ticket_id: Option<TicketId>,
    pub case_id: Option<CaseId>,
    pub customer_id: Option<CustomerId>,
    pub level: EscalationLevel,
    pub reason: EscalationReason,
    /// What exactly triggered it, for people ("disputed amount 12,400 USD ≥ 10,000 USD").
    pub detail: String,
    /// The team it goes to (e.g. `compliance`, `risk`), or the ticket's own team.
    pub target_team: String,
    /// A person it goes to, when the matrix names one.
    pub target_agent_id: Option<AgentId>,
    pub status: EscalationStatus,
    /// Who raised it: an agent, or none for the policy engine.
    pub raised_by: Option<AgentId>,
    pub acknowledged_by: Option<AgentId>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}
