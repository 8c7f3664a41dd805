//! Shift handovers (supervisors): the outgoing lead hands a team's shift over; the next
//! shift's lead acknowledges it. Agents get 403.

use arbiter_contract::*;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;

use crate::auth::Supervisor;
use crate::domain::handovers;
use crate::error::ApiFailure;
use crate::http::extract::{Body, Id, IdempotencyKey, IfMatch, Params};
use crate::mutation::{Mutation, Write};
use crate::AppState;

/// The caller's teams' handovers, newest first.
#[utoipa::path(get, path = "/v1/handovers", tag = "supervisor", security(("bearer" = [])),
    params(HandoverQuery),
    responses((status = 200, body = Vec<Handover>), (status = 400, body = ApiError), (status = 403, body = ApiError)))]
pub async fn list_handovers(
    State(state): State<AppState>,
    Supervisor(caller): Supervisor,
    Params(query): Params<HandoverQuery>,
) -> Result<Json<Vec<Handover>>, ApiFailure> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(handovers::list(&mut conn, &caller, &query).await?))
}

/// Hands a team's shift over. The answer is the handover as stored, with the team's
/// numbers and work as they stood.
#[utoipa::path(post, path = "/v1/handovers", tag = "supervisor", security(("bearer" = [])),
    params(("Idempotency-Key" = String, Header)),
    request_body = NewHandover,
    responses((status = 201, body = Handover), (status = 400, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError, description = "A note is on a ticket the lead cannot see")))]
pub async fn create_handover(
    State(state): State<AppState>,
    Supervisor(caller): Supervisor,
    key: IdempotencyKey,
    Body(body): Body<NewHandover>,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "handover.create").body(&body)?;
    Mutation::run(&state, write, StatusCode::CREATED, async |m| handovers::create(m, &body).await).await
}

/// The next shift's lead takes the handover over. The author cannot; a handover already
/// acknowledged answers 409 with who did.
#[utoipa::path(post, path = "/v1/handovers/{id}/acknowledge", tag = "supervisor", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = String, Header), ("If-Match" = String, Header)),
    responses((status = 200, body = Handover), (status = 400, body = ApiError), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub async fn acknowledge_handover(
    State(state): State<AppState>,
    Supervisor(caller): Supervisor,
    key: IdempotencyKey,
    IfMatch(base): IfMatch,
    Id(id): Id,
) -> Result<Response, ApiFailure> {
    let write = Write::new(caller, key, "handover.ack").on(id).base(base);
    Mutation::run(&state, write, StatusCode::OK, async |m| handovers::acknowledge(m, id).await).await
}
