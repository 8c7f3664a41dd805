use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{AgentId, CaseId};

/// A file in the company's document store, the designated place for investigation reports.
/// The content is fetched separately (`GET /v1/documents/{id}/content`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Document {
    pub id: i64,
    pub case_id: Option<CaseId>,
    pub name: String,
    pub content_type: String,
    pub size_bytes: i64,
    /// SHA-256 of the content, hex, as computed by the store.
    pub sha256: String,
    pub uploaded_by: AgentId,
    pub uploaded_at: DateTime<Utc>,
}
