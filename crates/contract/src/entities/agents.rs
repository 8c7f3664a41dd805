use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::AgentId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgentRole {
    Agent,
    Supervisor,
}

/// Whether an agent can take work right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    Online,
    Away,
    /// Online but not taking new work (in a call, at capacity).
    Busy,
    Offline,
}

/// A member of the support staff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Agent {
    pub id: AgentId,
    pub name: String,
    pub email: String,
    pub role: AgentRole,
    /// The agent's home team; its queue is where their work comes from.
    pub team: String,
    /// Every team the agent works for (the home team first). Supervisors lead these.
    pub teams: Vec<String>,
    /// Languages the agent answers in, as BCP 47 tags.
    pub languages: Vec<String>,
    pub presence: Presence,
    pub presence_since: DateTime<Utc>,
}

/// Support teams own a queue of tickets; internal teams (product, compliance…) are
/// reached through side conversations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TeamKind {
    Support,
    Internal,
}

/// A team, and for support teams the queue of the same name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Team {
    /// Slug, e.g. `payments`; tickets name it as their `queue`.
    pub id: String,
    pub name: String,
    pub kind: TeamKind,
    pub description: String,
}
