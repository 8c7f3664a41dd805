use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{AgentId, CaseId, CustomerId, TicketId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    /// Trade, transaction or P2P dispute.
    Dispute,
    Chargeback,
    FraudClaim,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CardNetwork {
    Visa,
    Mastercard,
}

/// The family of a network reason code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReasonCategory {
    Fraud,
    Authorization,
    ProcessingError,
    ConsumerDispute,
}

impl ReasonCategory {
    pub const ALL: [ReasonCategory; 4] = [
        ReasonCategory::Fraud,
        ReasonCategory::Authorization,
        ReasonCategory::ProcessingError,
        ReasonCategory::ConsumerDispute,
    ];
}

/// Where a chargeback stands in the card network's lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChargebackStage {
    /// Retrieval request / inquiry.
    Inquiry,
    FirstChargeback,
    /// We answered with evidence.
    Representment,
    PreArbitration,
    Arbitration,
    Won,
    Lost,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Open,
    Investigating,
    AwaitingCustomer,
    AwaitingNetwork,
    Closed,
}

/// What we decided to do about a chargeback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseDecision {
    /// Refund; do not fight.
    Accept,
    /// Fight with evidence.
    Represent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseOutcome {
    ConfirmedFraud,
    FalsePositive,
    Refunded,
    RepresentedWon,
    RepresentedLost,
    ResolvedInFavourOfCustomer,
    ResolvedInFavourOfExchange,
}

/// The card side of a chargeback case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardDispute {
    pub network: CardNetwork,
    /// The network's reason code: `10.4`, `13.1`, `4837`…
    pub reason_code: String,
    pub stage: ChargebackStage,
    pub card_last4: String,
    /// The disputed transaction's date; cardholders file up to 120 days after it.
    pub transaction_date: NaiveDate,
    /// When the network received the dispute.
    pub filed_at: DateTime<Utc>,
    /// When the current stage began (its deadline counts from here); `filed_at` when absent.
    #[serde(default)]
    pub stage_began_at: Option<DateTime<Utc>>,
    /// The disputed payment's acquirer reference number, as the network quoted it.
    #[serde(default)]
    pub arn: Option<String>,
    /// The customer's card deposit that is disputed (an activity event), when known.
    #[serde(default)]
    pub payment_event_id: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    File,
    /// A quoted customer or agent message.
    Message,
    /// A pinned customer activity event (login, deposit, withdrawal…).
    ActivityEvent,
    Note,
}

/// One piece of evidence on a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evidence {
    pub id: i64,
    pub kind: EvidenceKind,
    pub title: String,
    /// Free text, the quoted message, or what the pinned event shows.
    pub description: String,
    /// What it points at: a document id, message id or activity event id.
    pub reference_id: Option<i64>,
    /// The reason code's checklist items it answers (`login_history`, `three_ds`…).
    #[serde(default)]
    pub checklist: Vec<String>,
    pub added_by: AgentId,
    pub added_at: DateTime<Utc>,
}

/// An investigation: a dispute, chargeback or fraud claim, linked to its tickets and customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Case {
    pub id: CaseId,
    pub kind: CaseKind,
    pub customer_id: CustomerId,
    pub ticket_ids: Vec<TicketId>,
    pub status: CaseStatus,
    /// Amount in dispute, in minor units of `currency`.
    pub amount_minor: i64,
    pub currency: String,
    /// The same amount in US cents, for thresholds and analytics.
    pub amount_usd_cents: i64,
    /// Present for chargebacks.
    pub card: Option<CardDispute>,
    /// When our next response is due (the network's deadline, or the policy's for disputes).
    pub due_at: Option<DateTime<Utc>>,
    pub decision: Option<CaseDecision>,
    pub outcome: Option<CaseOutcome>,
    /// Amount recovered for the exchange, US cents (for won representments).
    pub recovered_usd_cents: i64,
    /// Amount lost, US cents (refunds, lost chargebacks, confirmed fraud losses).
    pub lost_usd_cents: i64,
    pub evidence: Vec<Evidence>,
    pub assignee_id: Option<AgentId>,
    /// The team that owns it (its queue).
    pub queue: String,
    pub summary: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    pub version: i64,
}

/// One entry of a case's append-only audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseEvent {
    pub id: i64,
    pub case_id: CaseId,
    /// Who did it; none for the system.
    pub actor_id: Option<AgentId>,
    pub actor_name: String,
    /// What happened: `created`, `status_changed`, `evidence_added`, `decided`…
    pub action: String,
    /// The changed fields before and after, as JSON objects.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub before: Option<serde_json::Value>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub after: Option<serde_json::Value>,
    pub at: DateTime<Utc>,
}
