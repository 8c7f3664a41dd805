//! Inbound email the desk could not take in (too big, no sender …), kept whole with why, for
//! a supervisor to look at and download.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

/// One quarantined email. Its bytes are at `GET /v1/supervisor/quarantine/{id}/raw`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuarantinedMail {
    pub id: i64,
    /// The support address it came to.
    pub mailbox: String,
    /// The queue that mailbox feeds, when the server still reads it.
    pub queue: Option<String>,
    /// Why it was not taken in, e.g. "the message is 31 MB, over the 30 MB the desk reads".
    pub reason: String,
    pub size_bytes: i64,
    pub received_at: DateTime<Utc>,
    /// The sender as its headers say (`Name <address>`), when they say one.
    pub from: Option<String>,
    pub subject: Option<String>,
}
