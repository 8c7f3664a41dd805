use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{AgentId, EscalationLevel, Priority, TeamId, TicketId, TicketStatus};
use crate::{AgentLoad, QueueStats};

/// A shift's handover for one team: the outgoing lead's words, and the team's numbers and
/// open and pending work as they stood when it was written, per agent, with the lead's note
/// where they left one. The next shift's lead acknowledges it. Supervisors only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Handover {
    pub id: i64,
    pub team: TeamId,
    pub author_id: AgentId,
    pub author_name: String,
    /// When the shift it hands over began.
    pub shift_started_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    /// The outgoing lead's words: what happened, what to watch.
    pub summary: String,
    /// The team's queue as it stood.
    pub totals: QueueStats,
    /// Every member's presence and load as they stood.
    pub agents: Vec<AgentLoad>,
    /// The work handed over, most pressing first per agent (unassigned last): every assigned
    /// active ticket, and unassigned ones that are escalated, high or urgent, or noted.
    pub items: Vec<HandoverItem>,
    /// Tickets that qualified but were left out to keep the list readable (it keeps 1,000).
    pub items_omitted: i64,
    pub acknowledged_by: Option<AgentId>,
    pub acknowledged_by_name: Option<String>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub version: i64,
}

/// One ticket in a handover, as it stood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HandoverItem {
    pub ticket_id: TicketId,
    pub subject: String,
    pub status: TicketStatus,
    pub priority: Priority,
    pub escalation_level: EscalationLevel,
    pub assignee_id: Option<AgentId>,
    pub assignee_name: Option<String>,
    /// The outgoing lead's note on it.
    pub note: Option<String>,
}
