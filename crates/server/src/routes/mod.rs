//! The HTTP surface of API v1.

mod feed;
mod me;
mod replies;
mod tickets;

use axum::extract::rejection::JsonRejection;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

use crate::error::ApiFailure;
use crate::AppState;

/// Largest request body accepted, in bytes.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/health", get(|| async { "ok" }))
        .route("/v1/me", get(me::me))
        .route("/v1/changes", get(feed::changes))
        .route("/v1/tickets/{id}", get(tickets::ticket))
        .route("/v1/tickets/{id}/replies", post(replies::post_reply))
        .fallback(|| async { ApiFailure::not_found("no such route") })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}

/// Malformed or oversized JSON bodies become our `{code, message}` 4xx instead of axum's text.
impl From<JsonRejection> for ApiFailure {
    fn from(rejection: JsonRejection) -> Self {
        let status = rejection.status();
        let code = if status == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            arbiter_contract::ErrorCode::PayloadTooLarge
        } else {
            arbiter_contract::ErrorCode::BadRequest
        };
        ApiFailure::new(status, code, rejection.body_text())
    }
}

impl From<axum::extract::rejection::PathRejection> for ApiFailure {
    fn from(rejection: axum::extract::rejection::PathRejection) -> Self {
        ApiFailure::bad_request(rejection.body_text())
    }
}
