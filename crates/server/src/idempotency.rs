//! Idempotency keys: the first answer to a mutation is stored under (agent, key) and replayed
//! to every retry, so a client that lost the answer can safely send again.

use arbiter_contract::IDEMPOTENCY_KEY_HEADER;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use sha2::{Digest, Sha256};
use sqlx::SqliteConnection;

use crate::error::ApiFailure;

const MAX_KEY_LEN: usize = 255;

#[derive(Debug, Clone)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub fn from_headers(headers: &HeaderMap) -> Result<Self, ApiFailure> {
        let value = headers
            .get(IDEMPOTENCY_KEY_HEADER)
            .ok_or_else(|| ApiFailure::bad_request(format!("the {IDEMPOTENCY_KEY_HEADER} header is required")))?;
        let key = value.to_str().ok().map(str::trim).filter(|k| !k.is_empty() && k.len() <= MAX_KEY_LEN).ok_or_else(
            || {
                ApiFailure::bad_request(format!(
                    "the {IDEMPOTENCY_KEY_HEADER} must be 1 to {MAX_KEY_LEN} visible ASCII characters"
                ))
            },
        )?;
        Ok(Self(key.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Identifies a request's content, to tell a true replay from a reused key.
pub fn fingerprint(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hex::encode(hasher.finalize())
}

pub enum Replay {
    New,
    Stored(Response),
    Mismatch,
}

pub async fn lookup(
    conn: &mut SqliteConnection,
    agent_id: i64,
    key: &IdempotencyKey,
    fingerprint: &str,
) -> Result<Replay, sqlx::Error> {
    let stored: Option<(String, i64, String)> = sqlx::query_as(
        "SELECT request_sha256, response_status, response_body FROM idempotency_keys WHERE agent_id = ? AND key = ?",
    )
    .bind(agent_id)
    .bind(key.as_str())
    .fetch_optional(conn)
    .await?;
    Ok(match stored {
        None => Replay::New,
        Some((stored_fingerprint, _, _)) if stored_fingerprint != fingerprint => Replay::Mismatch,
        Some((_, status, body)) => {
            let status = StatusCode::from_u16(status as u16).unwrap_or(StatusCode::OK);
            let mut response = json_response(status, body);
            response.headers_mut().insert("Idempotent-Replayed", HeaderValue::from_static("true"));
            Replay::Stored(response)
        }
    })
}

pub async fn store(
    conn: &mut SqliteConnection,
    agent_id: i64,
    key: &IdempotencyKey,
    fingerprint: &str,
    status: StatusCode,
    body: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO idempotency_keys (agent_id, key, request_sha256, response_status, response_body, created_at)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(agent_id)
    .bind(key.as_str())
    .bind(fingerprint)
    .bind(i64::from(status.as_u16()))
    .bind(body)
    .bind(chrono::Utc::now().timestamp_millis())
    .execute(conn)
    .await?;
    Ok(())
}

pub fn json_response(status: StatusCode, body: String) -> Response {
    let mut response = Response::new(axum::body::Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}
