//! The frame every mutation runs in: one serialized write transaction; a replay of the same
//! `Idempotency-Key` answers with the stored first result; every change lands in the audit
//! log with its actor; live-stream events go out only after the commit.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::auth::Caller;
use crate::db::Tx;
use crate::error::ApiFailure;
use crate::http::extract::IdempotencyKey;
use crate::store::audit::{self, AuditRecord};
use crate::store::Scope;
use crate::AppState;
use arbiter_contract::{ErrorCode, StreamPayload, IDEMPOTENCY_KEY_HEADER};

pub struct Mutation {
    pub tx: Tx,
    pub caller: Caller,
    pub now: DateTime<Utc>,
    key: IdempotencyKey,
    fingerprint: String,
    events: Vec<(StreamPayload, Vec<Scope>)>,
}

/// Identifies a request's content, to tell a true replay from a reused key.
pub fn fingerprint(route: &str, parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(route.as_bytes());
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hex::encode(hasher.finalize())
}

pub fn json_response(status: StatusCode, body: String) -> Response {
    let mut response = Response::new(axum::body::Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

impl Mutation {
    /// Starts a mutation, or returns the stored answer when this key was used before for the
    /// same request (422 when it was used for a different one).
    pub async fn begin(
        state: &AppState,
        caller: Caller,
        key: IdempotencyKey,
        fingerprint: String,
    ) -> Result<Result<Mutation, Response>, ApiFailure> {
        let mut tx = state.db.begin_write().await?;
        let stored: Option<(String, i64, String)> = sqlx::query_as(
            "SELECT request_sha256, response_status, response_body FROM idempotency_keys WHERE agent_id = $1 AND key = $2",
        )
        .bind(caller.id())
        .bind(key.0.clone())
        .fetch_optional(&mut *tx)
        .await?;
        match stored {
            Some((stored_fingerprint, _, _)) if stored_fingerprint != fingerprint => Err(ApiFailure::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::IdempotencyKeyReused,
                format!("the {IDEMPOTENCY_KEY_HEADER} was already used for a different request"),
            )),
            Some((_, status, body)) => {
                let status = StatusCode::from_u16(status as u16).unwrap_or(StatusCode::OK);
                let mut response = json_response(status, body);
                response.headers_mut().insert("Idempotent-Replayed", HeaderValue::from_static("true"));
                Ok(Err(response))
            }
            None => Ok(Ok(Mutation { tx, caller, now: Utc::now(), key, fingerprint, events: Vec::new() })),
        }
    }

    /// The request's idempotency key, stored on created entities as `client_ref`.
    pub fn key(&self) -> &str {
        &self.key.0
    }

    /// Records the change in the audit log.
    pub async fn audit<T: Serialize>(
        &mut self,
        action: &str,
        entity_kind: &str,
        entity_id: i64,
        before: Option<&T>,
        after: Option<&T>,
    ) -> Result<(), ApiFailure> {
        let record = AuditRecord {
            actor_id: self.caller.id(),
            action,
            entity_kind,
            entity_id,
            before: before.map(serde_json::to_value).transpose()?,
            after: after.map(serde_json::to_value).transpose()?,
            idempotency_key: Some(&self.key.0),
            at: self.now,
        };
        audit::record(&mut self.tx, record).await?;
        Ok(())
    }

    /// Queues a live-stream event for whoever sees any of `scopes`, sent after the commit.
    pub fn publish(&mut self, payload: StreamPayload, scopes: Vec<Scope>) {
        self.events.push((payload, scopes));
    }

    /// Stores the answer under the idempotency key, commits, and sends the queued events.
    pub async fn finish<T: Serialize>(
        mut self,
        state: &AppState,
        status: StatusCode,
        body: &T,
    ) -> Result<Response, ApiFailure> {
        let body = serde_json::to_string(body)?;
        sqlx::query(
            "INSERT INTO idempotency_keys (agent_id, key, request_sha256, response_status, response_body, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(self.caller.id())
        .bind(self.key.0.clone())
        .bind(self.fingerprint.clone())
        .bind(i64::from(status.as_u16()))
        .bind(body.clone())
        .bind(self.now.timestamp_millis())
        .execute(&mut *self.tx)
        .await?;
        self.tx.commit().await?;
        for (payload, scopes) in self.events {
            state.hub.publish(payload, scopes);
        }
        Ok(json_response(status, body))
    }
}
