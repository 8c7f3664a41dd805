//! The policies in force: SLA targets, the escalation matrix, the risk rules.

use arbiter_contract::*;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;

use crate::auth::{Caller, Supervisor};
use crate::domain::policies;
use crate::error::ApiFailure;
use crate::http::extract::{Body, IdempotencyKey, IfMatch};
use crate::mutation::{Mutation, Write};
use crate::store::reads;
use crate::AppState;

/// The policies in force: SLA targets, the escalation matrix, the risk rules.
#[utoipa::path(get, path = "/v1/policies", tag = "escalations", security(("bearer" = [])),
    responses((status = 200, body = PolicySet), (status = 401, body = ApiError)))]
pub async fn current(State(state): State<AppState>, _caller: Caller) -> Result<Json<PolicySet>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(reads::policy(&mut conn).await?))
}

/// Supervisors: puts a new version of the policies in force (`If-Match`: the current version).
#[utoipa::path(put, path = "/v1/policies", tag = "supervisor", security(("bearer" = [])),
    params(("Idempotency-Key" = String, Header), ("If-Match" = String, Header)),
    request_body = PolicyUpdate,
    responses((status = 200, body = PolicySet), (status = 400, body = ApiError), (status = 403, body = ApiError),
              (status = 409, body = ApiError)))]
pub async fn replace(
    State(state): State<AppState>,
    Supervisor(caller): Supervisor,
    key: IdempotencyKey,
    IfMatch(base): IfMatch,
    Body(update): Body<PolicyUpdate>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "policy.replace").base(base).body(&update)?;
    Mutation::run(&state, write, StatusCode::OK, async |m| policies::replace(m, &update).await).await
}
