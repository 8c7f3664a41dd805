//! Every failure leaves the server as a status code and a JSON `{code, message}` body.

use arbiter_contract::{ApiError, Entity, ErrorCode};
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

#[derive(Debug)]
pub struct ApiFailure {
    pub status: StatusCode,
    pub body: ApiError,
    pub retry_after_secs: Option<u64>,
}

impl ApiFailure {
    pub fn new(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Self {
        Self { status, body: ApiError::new(code, message), retry_after_secs: None }
    }
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, ErrorCode::Unauthorized, message)
    }
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, ErrorCode::Forbidden, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, ErrorCode::NotFound, message)
    }
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, ErrorCode::BadRequest, message)
    }
    /// 422: the request is well-formed but breaks a rule of the domain.
    pub fn unprocessable(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::Unprocessable, message)
    }
    pub fn too_large(message: impl Into<String>) -> Self {
        Self::new(StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge, message)
    }
    /// The update was based on an old version: 409 with the entity as it is now.
    pub fn conflict(current: Entity, message: impl Into<String>) -> Self {
        let mut failure = Self::new(StatusCode::CONFLICT, ErrorCode::Conflict, message);
        failure.body.current = Some(Box::new(current));
        failure
    }
    pub fn rate_limited(retry_after_secs: u64) -> Self {
        let mut failure = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::RateLimited,
            format!("too many requests; retry in {retry_after_secs} s"),
        );
        failure.retry_after_secs = Some(retry_after_secs);
        failure
    }
    /// 503: the caller's identity-provider token cannot be checked now (its keys cannot be
    /// fetched); not the token's fault, so the client keeps it and retries.
    pub fn identity_provider_unreachable(message: impl Into<String>) -> Self {
        let mut failure = Self::new(StatusCode::SERVICE_UNAVAILABLE, ErrorCode::Unavailable, message);
        failure.retry_after_secs = Some(crate::oidc::RETRY_UNREACHABLE_AFTER.as_secs());
        failure
    }
    /// The cursor predates the feed's horizon (410): the client must sync from scratch.
    pub fn cursor_expired(horizon: i64) -> Self {
        Self::new(
            StatusCode::GONE,
            ErrorCode::CursorExpired,
            format!("changes before {horizon} were compacted; sync again from cursor 0"),
        )
    }
    pub fn internal() -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal, "internal server error")
    }
}

impl IntoResponse for ApiFailure {
    fn into_response(self) -> Response {
        let status = self.status;
        let retry_after = self.retry_after_secs;
        let mut response = (status, Json(self.body)).into_response();
        let headers = response.headers_mut();
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if let Some(secs) = retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

/// Storage errors are logged with their detail and answered as a bare 500: the detail may
/// name tables or values the caller has no business seeing.
impl From<sqlx::Error> for ApiFailure {
    fn from(error: sqlx::Error) -> Self {
        tracing::error!(%error, "database error");
        Self::internal()
    }
}

impl From<serde_json::Error> for ApiFailure {
    fn from(error: serde_json::Error) -> Self {
        tracing::error!(%error, "serialization error");
        Self::internal()
    }
}

impl From<PathRejection> for ApiFailure {
    fn from(rejection: PathRejection) -> Self {
        ApiFailure::bad_request(rejection.body_text())
    }
}

impl From<QueryRejection> for ApiFailure {
    fn from(rejection: QueryRejection) -> Self {
        ApiFailure::bad_request(rejection.body_text())
    }
}
