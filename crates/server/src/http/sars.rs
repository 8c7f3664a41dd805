//! Suspicious-activity reports: draft (the investigator's) → submitted → acknowledged by
//! compliance.

use arbiter_contract::*;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::auth::{Caller, Supervisor};
use crate::domain::sars;
use crate::error::ApiFailure;
use crate::http::extract::{Body, Id, IdempotencyKey, IfMatch};
use crate::mutation::{Mutation, Write};
use crate::AppState;

/// Starts a report as a draft.
#[utoipa::path(post, path = "/v1/sars", tag = "compliance", security(("bearer" = [])),
    params(("Idempotency-Key" = String, Header)),
    request_body = CreateSar,
    responses((status = 201, body = Sar), (status = 400, body = ApiError)))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Body(body): Body<CreateSar>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "sar.create").body(&body)?;
    Mutation::run(&state, write, StatusCode::CREATED, async |m| sars::create(m, &body).await).await
}

/// Edits a draft (its investigator only).
#[utoipa::path(patch, path = "/v1/sars/{id}", tag = "compliance", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header), ("If-Match" = String, Header)),
    request_body = SarUpdate,
    responses((status = 200, body = Sar), (status = 400, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    IfMatch(base): IfMatch,
    Id(id): Id,
    Body(update): Body<SarUpdate>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "sar.update").on(id).base(base).body(&update)?;
    Mutation::run(&state, write, StatusCode::OK, async |m| sars::update(m, id, &update).await).await
}

/// Sends a draft to compliance.
#[utoipa::path(post, path = "/v1/sars/{id}/submit", tag = "compliance", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header), ("If-Match" = String, Header)),
    responses((status = 200, body = Sar), (status = 400, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub async fn submit(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    IfMatch(base): IfMatch,
    Id(id): Id,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "sar.submit").on(id).base(base);
    Mutation::run(&state, write, StatusCode::OK, async |m| sars::submit(m, id).await).await
}

/// Compliance confirms it received a submitted report (supervisors of the compliance team).
#[utoipa::path(post, path = "/v1/sars/{id}/acknowledge", tag = "compliance", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header), ("If-Match" = String, Header)),
    responses((status = 200, body = Sar), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError)))]
pub async fn acknowledge(
    State(state): State<AppState>,
    Supervisor(caller): Supervisor,
    key: IdempotencyKey,
    IfMatch(base): IfMatch,
    Id(id): Id,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "sar.ack").on(id).base(base);
    Mutation::run(&state, write, StatusCode::OK, async |m| sars::acknowledge(m, id).await).await
}
