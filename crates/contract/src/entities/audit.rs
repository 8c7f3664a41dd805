use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::AgentId;

/// One mutation, as the audit log keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: i64,
    pub actor_id: AgentId,
    /// `ticket.update`, `ticket.reply`, `case.evidence.add`, `sar.submit`…
    pub action: String,
    pub entity_kind: String,
    pub entity_id: i64,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub before: Option<serde_json::Value>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub after: Option<serde_json::Value>,
    pub idempotency_key: Option<String>,
    pub at: DateTime<Utc>,
}
