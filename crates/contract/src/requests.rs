//! Request bodies and query parameters.

use serde::{Deserialize, Serialize};
use specta::Type;

/// The most changes one feed page may hold.
pub const FEED_MAX_LIMIT: u32 = 5_000;
/// Page size when the client does not ask for one.
pub const FEED_DEFAULT_LIMIT: u32 = 1_000;
/// Longest reply accepted, in characters.
pub const REPLY_MAX_CHARS: usize = 50_000;

/// `POST /v1/tickets/{id}/replies`, with an `Idempotency-Key` header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PostReply {
    /// The reply as plain text; the server renders the email HTML part from it.
    pub body: String,
}

/// `GET /v1/changes` query.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct FeedQuery {
    #[serde(default)]
    pub after: i64,
    pub limit: Option<u32>,
}
