use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{AgentId, CaseId, CustomerId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SarStatus {
    Draft,
    Submitted,
    /// Compliance received it.
    Acknowledged,
}

/// A suspicious-activity report to compliance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Sar {
    pub id: i64,
    pub subject_customer_id: CustomerId,
    pub linked_customer_ids: Vec<CustomerId>,
    /// The activity events that make it suspicious.
    pub activity_event_ids: Vec<i64>,
    /// The risk rules that fired, by number (1–8 of the policy).
    pub rules_fired: Vec<i64>,
    pub risk_score: Option<f64>,
    pub narrative: String,
    pub case_id: Option<CaseId>,
    pub status: SarStatus,
    pub investigator_id: AgentId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub version: i64,
}
