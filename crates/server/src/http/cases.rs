//! Investigations: disputes, chargebacks and fraud claims, with an append-only audit trail.

use arbiter_contract::*;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;

use crate::auth::Caller;
use crate::domain::cases;
use crate::error::ApiFailure;
use crate::http::extract::{Body, Id, IdempotencyKey, IfMatch};
use crate::mutation::{Mutation, Write};
use crate::AppState;

/// Opens an investigation from a ticket; the ticket links to it.
#[utoipa::path(post, path = "/v1/cases", tag = "cases", security(("bearer" = [])),
    params(("Idempotency-Key" = String, Header)),
    request_body = CreateCase,
    responses((status = 201, body = Case), (status = 400, body = ApiError), (status = 404, body = ApiError)))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    Body(body): Body<CreateCase>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "case.create").body(&body)?;
    Mutation::run(&state, write, StatusCode::CREATED, async |m| cases::create(m, &body).await).await
}

/// A case with its evidence.
#[utoipa::path(get, path = "/v1/cases/{id}", tag = "cases", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = Case), (status = 404, body = ApiError)))]
pub async fn case(State(state): State<AppState>, caller: Caller, Id(id): Id) -> Result<Json<Case>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(cases::case(&mut conn, &caller, id).await?))
}

/// The case's audit trail, oldest first.
#[utoipa::path(get, path = "/v1/cases/{id}/events", tag = "cases", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = Vec<CaseEvent>), (status = 404, body = ApiError)))]
pub async fn events(
    State(state): State<AppState>,
    caller: Caller,
    Id(id): Id,
) -> Result<Json<Vec<CaseEvent>>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(cases::events(&mut conn, &caller, id).await?))
}

/// Changes a case's status, stage, decision, outcome, assignee, summary or amounts, with
/// `If-Match`. Every change is appended to the case's audit trail. An outcome that does not
/// fit the kind of case is refused (422).
#[utoipa::path(patch, path = "/v1/cases/{id}", tag = "cases", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header), ("If-Match" = String, Header)),
    request_body = CaseUpdate,
    responses((status = 200, body = Case), (status = 400, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    IfMatch(base): IfMatch,
    Id(id): Id,
    Body(update): Body<CaseUpdate>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "case.update").on(id).base(base).body(&update)?;
    Mutation::run(&state, write, StatusCode::OK, async |m| cases::update(m, id, &update).await).await
}

/// Adds a piece of evidence (a file, a quoted message, a pinned activity event, a note).
#[utoipa::path(post, path = "/v1/cases/{id}/evidence", tag = "cases", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header), ("If-Match" = String, Header)),
    request_body = AddEvidence,
    responses((status = 201, body = Case), (status = 400, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError)))]
pub async fn add_evidence(
    State(state): State<AppState>,
    caller: Caller,
    key: IdempotencyKey,
    IfMatch(base): IfMatch,
    Id(id): Id,
    Body(body): Body<AddEvidence>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "case.evidence").on(id).base(base).body(&body)?;
    Mutation::run(&state, write, StatusCode::CREATED, async |m| cases::add_evidence(m, id, &body).await).await
}
