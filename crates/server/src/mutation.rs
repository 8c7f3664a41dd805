//! The frame every mutation runs in, written once: one serialized write transaction; a
//! replay of the same `Idempotency-Key` answers with the stored first result (the same key
//! with another request is 422); the `If-Match` version check; every change lands in the
//! audit log with its actor; live-stream events go out only after the commit.
//!
//! A handler describes the request (`Write`), and runs one domain function inside the frame:
//!
//! ```ignore
//! let write = Write::new(caller, key, "case.update").on(id).base(base).body(&update)?;
//! Mutation::run(&state, write, StatusCode::OK, async |m| domain::cases::update(m, id, &update).await).await
//! ```

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
use crate::store::idempotency::{self, StoredAnswer};
use crate::store::Scope;
use crate::AppState;
use arbiter_contract::widget::WidgetEvent;
use arbiter_contract::{ErrorCode, StreamPayload, TicketId, IDEMPOTENCY_KEY_HEADER};

/// What a mutation request is: who asks, under which key, on which version, and a
/// fingerprint of its content that tells a true replay from a reused key.
pub struct Write {
    caller: Caller,
    key: IdempotencyKey,
    base: Option<i64>,
    hasher: Sha256,
}

impl Write {
    /// `route` names the operation ("case.update"); two operations never share a fingerprint.
    pub fn new(caller: Caller, key: IdempotencyKey, route: &str) -> Self {
        let mut write = Write { caller, key, base: None, hasher: Sha256::new() };
        write.mix(route);
        write
    }

    fn mix(&mut self, part: &str) {
        self.hasher.update((part.len() as u64).to_le_bytes());
        self.hasher.update(part.as_bytes());
    }

    /// The entity the request is about (a path id).
    pub fn on(mut self, id: impl ToString) -> Self {
        self.mix(&id.to_string());
        self
    }

    /// The version the change was made on (`If-Match`), checked by `Mutation::at_base`.
    pub fn base(mut self, version: i64) -> Self {
        self.mix(&format!("@{version}"));
        self.base = Some(version);
        self
    }

    /// The request's content (its JSON body, or any other part that makes it different).
    pub fn body<T: Serialize>(mut self, body: &T) -> Result<Self, ApiFailure> {
        self.mix(&serde_json::to_string(body)?);
        Ok(self)
    }

    pub fn caller(&self) -> &Caller {
        &self.caller
    }

    fn fingerprint(&self) -> String {
        hex::encode(self.hasher.clone().finalize())
    }
}

/// An entity updated under `If-Match`.
pub trait Versioned {
    fn version(&self) -> i64;
    /// The 409 when the request was made on another version than `self`'s.
    fn stale(&self, base: i64) -> ApiFailure;
}

/// The unit of work a domain function gets: the transaction, the caller, one clock.
pub struct Mutation {
    pub tx: Tx,
    pub caller: Caller,
    pub now: DateTime<Utc>,
    key: IdempotencyKey,
    base: Option<i64>,
    fingerprint: String,
    events: Vec<(StreamPayload, Vec<Scope>)>,
    widget_events: Vec<(TicketId, WidgetEvent)>,
}

pub fn json_response(status: StatusCode, body: String) -> Response {
    let mut response = Response::new(axum::body::Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

/// `"7"`: a version as an `ETag`.
pub fn etag(version: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).expect("a number is a valid header")
}

impl Mutation {
    /// Runs `work` as one mutation and answers with what it returns (`status`, JSON), or
    /// with the stored first answer when the key was used before for the same request.
    /// A failure rolls everything back and stores nothing under the key.
    pub async fn run<T: Serialize>(
        state: &AppState,
        write: Write,
        status: StatusCode,
        work: impl AsyncFnOnce(&mut Mutation) -> Result<T, ApiFailure>,
    ) -> Result<Response, ApiFailure> {
        Self::run_inner(state, write, status, |_| None, work).await
    }

    /// `run` for an answer that is a versioned entity: its version goes out as the `ETag`.
    pub async fn run_tagged<T: Serialize + Versioned>(
        state: &AppState,
        write: Write,
        status: StatusCode,
        work: impl AsyncFnOnce(&mut Mutation) -> Result<T, ApiFailure>,
    ) -> Result<Response, ApiFailure> {
        Self::run_inner(state, write, status, |body: &T| Some(body.version()), work).await
    }

    async fn run_inner<T: Serialize>(
        state: &AppState,
        write: Write,
        status: StatusCode,
        tag: impl FnOnce(&T) -> Option<i64>,
        work: impl AsyncFnOnce(&mut Mutation) -> Result<T, ApiFailure>,
    ) -> Result<Response, ApiFailure> {
        let mut m = match Self::begin(state, write).await? {
            Ok(m) => m,
            Err(replay) => return Ok(replay),
        };
        let body = work(&mut m).await?;
        let version = tag(&body);
        let mut response = m.finish(state, status, &body).await?;
        if let Some(version) = version {
            response.headers_mut().insert(header::ETAG, etag(version));
        }
        Ok(response)
    }

    async fn begin(state: &AppState, write: Write) -> Result<Result<Mutation, Response>, ApiFailure> {
        let fingerprint = write.fingerprint();
        let Write { caller, key, base, .. } = write;
        let mut tx = state.db.begin_write().await?;
        match idempotency::stored(&mut tx, caller.id(), &key.0).await? {
            Some(StoredAnswer { fingerprint: stored, .. }) if stored != fingerprint => Err(ApiFailure::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::IdempotencyKeyReused,
                format!("the {IDEMPOTENCY_KEY_HEADER} was already used for a different request"),
            )),
            Some(StoredAnswer { status, body, .. }) => {
                let status = StatusCode::from_u16(status as u16).unwrap_or(StatusCode::OK);
                let mut response = json_response(status, body);
                response.headers_mut().insert("Idempotent-Replayed", HeaderValue::from_static("true"));
                Ok(Err(response))
            }
            None => Ok(Ok(Mutation {
                tx,
                caller,
                now: Utc::now(),
                key,
                base,
                fingerprint,
                events: Vec::new(),
                widget_events: Vec::new(),
            })),
        }
    }

    /// The version the request was made against (`If-Match`), if it named one.
    pub fn base(&self) -> Option<i64> {
        self.base
    }

    /// The request's idempotency key, stored on created entities as `client_ref`.
    pub fn key(&self) -> &str {
        &self.key.0
    }

    /// `entity` if the request was made on its current version (`If-Match`); 409 otherwise.
    pub fn at_base<E: Versioned>(&self, entity: E) -> Result<E, ApiFailure> {
        match self.base {
            Some(base) if base != entity.version() => Err(entity.stale(base)),
            _ => Ok(entity),
        }
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

    /// Queues a live event for the customer's chat widget, sent after the commit.
    pub fn tell_customer(&mut self, chat: TicketId, event: WidgetEvent) {
        self.widget_events.push((chat, event));
    }

    /// Stores the answer under the idempotency key, commits, and sends the queued events.
    async fn finish<T: Serialize>(
        mut self,
        state: &AppState,
        status: StatusCode,
        body: &T,
    ) -> Result<Response, ApiFailure> {
        let body = serde_json::to_string(body)?;
        let answer = StoredAnswer { fingerprint: self.fingerprint.clone(), status: i64::from(status.as_u16()), body };
        idempotency::store(&mut self.tx, self.caller.id(), &self.key.0, &answer, self.now).await?;
        match state.hub.bus() {
            // Instances sharing the database: the events commit with the change.
            Some(bus) => {
                bus.write_in(&mut self.tx, self.events, self.widget_events).await?;
                self.tx.commit().await?;
            }
            None => {
                self.tx.commit().await?;
                for (payload, scopes) in self.events {
                    state.hub.publish(payload, scopes);
                }
                for (chat, event) in self.widget_events {
                    state.hub.tell_widgets(chat, event);
                }
            }
        }
        Ok(json_response(status, answer.body))
    }
}
