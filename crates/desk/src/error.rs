//! Errors as they cross IPC: a stable `code` the UI branches on, what happened as a message
//! key with its arguments (`text`, which the UI says in the agent's language), and the same
//! in English (`message`, for logs and tests).

use arbiter_cache::CacheError;
use arbiter_client::ClientError;
use arbiter_text::Msg;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::messages::{client, errors};

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
    /// In English.
    pub message: String,
    /// What to say, in the agent's language.
    pub text: Msg,
}

impl DeskError {
    pub fn say(code: ErrorCode, text: Msg) -> Self {
        Self { code, message: text.english(), text }
    }
}

/// `def` with a `detail` argument: another system's own words, shown as they are.
pub(crate) fn with_detail(def: &'static arbiter_text::Def, detail: impl ToString) -> Msg {
    Msg::new(def).text("detail", detail.to_string())
}

impl From<ClientError> for DeskError {
    fn from(error: ClientError) -> Self {
        let (code, text) = match &error {
            ClientError::InvalidUrl(detail) => (ErrorCode::InvalidUrl, with_detail(&client::INVALID_URL, detail)),
            ClientError::Unauthorized(detail) => (ErrorCode::Unauthorized, with_detail(&client::UNAUTHORIZED, detail)),
            ClientError::Rejected { status, error } => {
                let code = if *status == 404 { ErrorCode::NotFound } else { ErrorCode::Rejected };
                (code, with_detail(&client::REJECTED, &error.message).int("status", i64::from(*status)))
            }
            ClientError::Network(detail) => (ErrorCode::Offline, with_detail(&client::NETWORK, detail)),
            ClientError::RateLimited { .. } => (ErrorCode::Offline, Msg::new(&client::RATE_LIMITED)),
            ClientError::Server { status, message } => {
                (ErrorCode::Offline, with_detail(&client::SERVER, message).int("status", i64::from(*status)))
            }
            ClientError::Malformed(detail) => (ErrorCode::Malformed, with_detail(&client::MALFORMED, detail)),
        };
        Self::say(code, text)
    }
}

impl From<CacheError> for DeskError {
    fn from(error: CacheError) -> Self {
        tracing::error!(%error, "cache error");
        let text = match &error {
            CacheError::Database(e) => with_detail(&errors::CACHE_DATABASE, e),
            CacheError::Migration(e) => with_detail(&errors::CACHE_MIGRATION, e),
            CacheError::Io(e) => with_detail(&errors::CACHE_FOLDER, e),
            CacheError::NotFound(e) => with_detail(&errors::CACHE_MISSING, e),
            CacheError::Unreadable(e) => with_detail(&errors::CACHE_UNREADABLE, e),
            CacheError::Corrupt(e) => with_detail(&errors::CACHE_DAMAGED, e),
        };
        Self::say(ErrorCode::Cache, text)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_what_the_error_always_said() {
        let error: DeskError = ClientError::Network("connection refused".into()).into();
        assert_eq!(error.message, ClientError::Network("connection refused".into()).to_string());
        assert_eq!(error.text.key, "error.client.network");
        let rejected: DeskError = ClientError::Rejected {
            status: 409,
            error: arbiter_contract::ApiError::new(arbiter_contract::ErrorCode::Conflict, "ticket 7 changed"),
        }
        .into();
        assert_eq!(rejected.message, "the server refused the request (409): ticket 7 changed");
        let cache: DeskError = CacheError::Io("disk full".into()).into();
        assert_eq!(cache.message, CacheError::Io("disk full".into()).to_string());
    }
}
