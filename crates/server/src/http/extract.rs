//! Request pieces every mutation needs: the idempotency key, the base version, the body.

use arbiter_contract::{ErrorCode, IDEMPOTENCY_KEY_HEADER};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use serde::de::DeserializeOwned;

use crate::error::ApiFailure;

const MAX_KEY_LEN: usize = 255;
/// What the document says an `Idempotency-Key` is (and what [`IdempotencyKey`] takes).
pub const IDEMPOTENCY_KEY_PATTERN: &str = "^[!-~]{1,255}$";
/// What the document says an `If-Match` is: a version, bare or as a (weak) ETag.
pub const IF_MATCH_PATTERN: &str = r#"^(W/)?("[1-9][0-9]{0,17}"|[1-9][0-9]{0,17})$"#;
/// Versions have at most this many digits (any more would not fit an i64 everywhere).
const MAX_VERSION_DIGITS: usize = 18;

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
        version_of(value.to_str().unwrap_or("").trim())
            .map(IfMatch)
            .ok_or_else(|| ApiFailure::bad_request("If-Match must be a version number, like \"7\" or 7"))
    }
}

/// `7`, `"7"` or `W/"7"` → 7, as [`IF_MATCH_PATTERN`] says.
fn version_of(text: &str) -> Option<i64> {
    let text = text.strip_prefix("W/").unwrap_or(text);
    let digits = match text.strip_prefix('"') {
        Some(quoted) => quoted.strip_suffix('"')?,
        None => text,
    };
    let well_formed = (1..=MAX_VERSION_DIGITS).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    well_formed.then(|| digits.parse().ok()).flatten()
}

/// A JSON body whose rejections are our `{code, message}` errors: 415 when it is not JSON,
/// 413 beyond the size limit, 400 when it is not valid JSON or does not fit the schema.
/// Integers may be written as integral floats (`-599214.0`): JSON Schema counts them as
/// integers, so the contract does too (see `integral_floats`).
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiFailure;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(req.headers()) {
            return Err(ApiFailure::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
                "send the body as JSON, with Content-Type: application/json",
            ));
        }
        let bytes = axum::body::Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiFailure::too_large(format!("a request body may be at most {} KiB", super::MAX_BODY_BYTES / 1024))
            } else {
                ApiFailure::bad_request(format!("the body could not be read: {rejection}"))
            }
        })?;
        let body = super::integral_floats::rewrite(&bytes);
        let mut json = serde_json::Deserializer::from_slice(&body);
        let value = serde_path_to_error::deserialize(&mut json).map_err(|e| {
            let path = e.path().to_string();
            let error = e.into_inner();
            if error.is_syntax() || error.is_eof() {
                not_json(&error)
            } else if path == "." {
                ApiFailure::bad_request(format!("the body does not fit the schema: {error}"))
            } else {
                ApiFailure::bad_request(format!("the body does not fit the schema at {path}: {error}"))
            }
        })?;
        json.end().map_err(|e| not_json(&e))?;
        Ok(Body(value))
    }
}

fn not_json(error: &serde_json::Error) -> ApiFailure {
    ApiFailure::bad_request(format!("the body is not valid JSON: {error}"))
}

/// `application/json`, or any `+json` type, with parameters allowed.
fn is_json(headers: &axum::http::HeaderMap) -> bool {
    let Some(value) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else { return false };
    let essence = value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// A path id, with a `{code, message}` error when it is not an integer.
pub struct Id(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path(text) = axum::extract::Path::<String>::from_request_parts(parts, state).await?;
        integer_in(&text).map(Id).ok_or_else(|| ApiFailure::bad_request(format!("{text:?} is not an id (an integer)")))
    }
}

/// A query string's parameters. Like axum's `Query`, with JSON Schema's integers: a value
/// written as an integral float (`case_id=1301.0`) is read as the integer when the query does
/// not fit otherwise (only then, so a text parameter such as a file name `1.0` stays as sent).
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Params<T> {
    type Rejection = ApiFailure;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        let refused =
            |e: &dyn std::fmt::Display| ApiFailure::bad_request(format!("Failed to deserialize query string: {e}"));
        match serde_urlencoded::from_str::<T>(query) {
            Ok(value) => Ok(Params(value)),
            Err(first) => {
                let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).map_err(|e| refused(&e))?;
                let mut changed = false;
                let rewritten: Vec<(String, String)> = pairs
                    .into_iter()
                    .map(|(name, value)| match super::integral_floats::whole_number(value.as_bytes()) {
                        Some(n) => {
                            changed = true;
                            (name, n.to_string())
                        }
                        None => (name, value),
                    })
                    .collect();
                if !changed {
                    return Err(refused(&first));
                }
                let again = serde_urlencoded::to_string(&rewritten).map_err(|_| refused(&first))?;
                serde_urlencoded::from_str::<T>(&again).map(Params).map_err(|_| refused(&first))
            }
        }
    }
}

/// An integer as a path parameter gives it: `42`, or the same written `42.0` or `4.2e1`
/// (JSON Schema's integers include integral floats).
pub fn integer_in(text: &str) -> Option<i64> {
    text.parse::<i64>().ok().or_else(|| super::integral_floats::whole_number(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_match_takes_a_version_bare_or_as_an_etag() {
        assert_eq!(version_of("7"), Some(7));
        assert_eq!(version_of("\"7\""), Some(7));
        assert_eq!(version_of("W/\"12\""), Some(12));
        for bad in ["0", "07", "\"7", "7\"", "*", "", "-1", "1.0", &"9".repeat(19), "W/"] {
            assert_eq!(version_of(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn path_ids_may_be_written_as_integral_floats() {
        assert_eq!(integer_in("42"), Some(42));
        assert_eq!(integer_in("-72.0"), Some(-72));
        assert_eq!(integer_in("1e+16"), Some(10_000_000_000_000_000));
        for bad in ["4.5", "NaN", "inf", "", "x", "9223372036854775808.0", "-9223372036854775809"] {
            assert_eq!(integer_in(bad), None, "{bad:?}");
        }
    }
}
