//! The error body every 4xx/5xx answer carries: `{code, message}`, plus the current state
//! of the entity when an update lost a race (409).

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::feed::Entity;

/// Machine-readable error codes. Clients branch on these, never on messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Unauthorized,
    /// Authenticated, but not allowed (e.g. a supervisor-only endpoint).
    Forbidden,
    /// Absent, or outside the caller's scope (which looks the same on purpose).
    NotFound,
    BadRequest,
    /// Well-formed, but it breaks a rule of the domain (an outcome that does not fit the
    /// kind of case, say); the message says which.
    Unprocessable,
    /// The idempotency key was used before with a different request.
    IdempotencyKeyReused,
    /// The update was based on an older version; `current` holds the newest.
    Conflict,
    /// An update without `If-Match`.
    PreconditionRequired,
    PayloadTooLarge,
    UnsupportedMediaType,
    RateLimited,
    /// The feed no longer holds every change after this cursor (old tombstones were
    /// compacted away): start again from cursor 0.
    CursorExpired,
    /// Something the server needs for this request is away for now (the identity provider
    /// whose token the caller sent): retry after `Retry-After` seconds.
    Unavailable,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// With `conflict`: the entity as it is now, so the client can show what changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<Box<Entity>>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), current: None }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.code, self.message)
    }
}
