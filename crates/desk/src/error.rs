//! Errors as they cross IPC: a stable `code` the UI branches on and a message for people.

use arbiter_cache::CacheError;
use arbiter_client::ClientError;
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotSignedIn,
    InvalidInput,
    InvalidUrl,
    /// The server refused the token.
    Unauthorized,
    /// The server could not be reached or failed; trying again later may work.
    Offline,
    /// The server answered, but with something the desk cannot use (not the contract's
    /// shape, about something else, absurdly large); nothing of it was kept.
    Malformed,
    /// The server understood and refused the request.
    Rejected,
    NotFound,
    /// The OS keyring could not store or give back the token.
    Keyring,
    /// The local cache could not be read or written (full disk, damaged file…).
    Cache,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, thiserror::Error)]
#[error("{message}")]
pub struct DeskError {
    pub code: ErrorCode,
    pub message: String,
}

impl DeskError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into() }
    }
}

impl From<ClientError> for DeskError {
    fn from(error: ClientError) -> Self {
        let code = match &error {
            ClientError::InvalidUrl(_) => ErrorCode::InvalidUrl,
            ClientError::Unauthorized(_) => ErrorCode::Unauthorized,
            ClientError::Rejected { status: 404, .. } => ErrorCode::NotFound,
            ClientError::Rejected { .. } => ErrorCode::Rejected,
            ClientError::Network(_) | ClientError::RateLimited { .. } | ClientError::Server { .. } => {
                ErrorCode::Offline
            }
            ClientError::Malformed(_) => ErrorCode::Malformed,
        };
        Self::new(code, error.to_string())
    }
}

impl From<CacheError> for DeskError {
    fn from(error: CacheError) -> Self {
        tracing::error!(%error, "cache error");
        Self::new(ErrorCode::Cache, error.to_string())
    }
}

impl From<arbiter_sync::SyncError> for DeskError {
    fn from(error: arbiter_sync::SyncError) -> Self {
        match error {
            arbiter_sync::SyncError::Client(e) => e.into(),
            arbiter_sync::SyncError::Cache(e) => e.into(),
        }
    }
}
