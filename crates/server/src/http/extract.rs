//! Request pieces every mutation needs: the idempotency key, the base version, the body.

use arbiter_contract::{ErrorCode, IDEMPOTENCY_KEY_HEADER};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use serde::de::DeserializeOwned;

use crate::error::ApiFailure;

const MAX_KEY_LEN: usize = 255;

/// The `Idempotency-Key` header: 1–255 visible ASCII characters, required on mutations.
#[derive(Debug, Clone)]
pub struct IdempotencyKey(pub String);

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let value = parts
            .headers
            .get(IDEMPOTENCY_KEY_HEADER)
            .ok_or_else(|| ApiFailure::bad_request(format!("the {IDEMPOTENCY_KEY_HEADER} header is required")))?;
        let key = value
            .to_str()
            .ok()
            .map(str::trim)
            .filter(|k| !k.is_empty() && k.len() <= MAX_KEY_LEN && k.chars().all(|c| c.is_ascii_graphic()))
            .ok_or_else(|| {
                ApiFailure::bad_request(format!(
                    "the {IDEMPOTENCY_KEY_HEADER} must be 1 to {MAX_KEY_LEN} visible ASCII characters"
                ))
            })?;
        Ok(Self(key.to_owned()))
    }
}

/// The `If-Match` header: the version an update was made on (`7` or the ETag `"7"`).
#[derive(Debug, Clone, Copy)]
pub struct IfMatch(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let value = parts.headers.get(header::IF_MATCH).ok_or_else(|| {
            ApiFailure::new(
                StatusCode::PRECONDITION_REQUIRED,
                ErrorCode::PreconditionRequired,
                "updates need an If-Match header with the version they were made on",
            )
        })?;
        let text = value.to_str().unwrap_or("").trim();
        let text = text.strip_prefix("W/").unwrap_or(text).trim_matches('"');
        text.parse::<i64>()
            .ok()
            .filter(|v| *v > 0)
            .map(IfMatch)
            .ok_or_else(|| ApiFailure::bad_request("If-Match must be a version number, like \"7\""))
    }
}

/// A JSON body whose rejections are our `{code, message}` errors.
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiFailure;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let axum::Json(value) = axum::Json::<T>::from_request(req, state).await?;
        Ok(Body(value))
    }
}

/// A path id, with a `{code, message}` error when it is not a number.
pub struct Id(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path(id) = axum::extract::Path::<i64>::from_request_parts(parts, state).await?;
        Ok(Id(id))
    }
}
