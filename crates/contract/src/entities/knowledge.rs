use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{TicketKind, TicketStatus};

/// A canned answer in one language. Placeholders in `{{double.braces}}` are filled from the
/// ticket: `{{customer.first_name}}`, `{{customer.account_id}}`, `{{agent.first_name}}`,
/// `{{ticket.id}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Macro {
    pub id: i64,
    /// The same answer in other languages shares this key.
    pub key: String,
    pub language: String,
    pub title: String,
    pub body: String,
    /// Ticket kinds it is meant for; empty means any.
    pub kinds: Vec<TicketKind>,
    /// Applying it also sets this status…
    pub set_status: Option<TicketStatus>,
    /// …and adds these tags.
    pub add_tags: Vec<String>,
    pub updated_at: DateTime<Utc>,
}

/// A help-centre article agents search and link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Article {
    pub id: i64,
    pub key: String,
    pub language: String,
    pub title: String,
    /// Markdown.
    pub body: String,
    pub tags: Vec<String>,
    /// Public address of the article in the help centre.
    pub url: String,
    pub updated_at: DateTime<Utc>,
}
